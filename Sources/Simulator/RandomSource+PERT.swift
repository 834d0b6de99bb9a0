extension RandomSource {
    /// PERT(min, mode, max) = min + (max−min)·Beta(1 + 4(mode−min)/(max−min), 1 + 4(max−mode)/(max−min))
    /// (MODEL.md §2); mean (min + 4·mode + max)/6. - Precondition: min ≤ mode ≤ max, min < max.
    public func pert(min: Double, mode: Double, max: Double) -> Double {
        precondition(min < max && min <= mode && mode <= max, "pert(\(min), \(mode), \(max)) outside its domain")
        let width = max - min
        return min + width * beta(alpha: 1 + 4 * (mode - min) / width, beta: 1 + 4 * (max - mode) / width)
    }
}
