extension RandomSource {
    /// PERT(min, mode, max) = min + (max−min)·Beta(1 + 4(mode−min)/(max−min), 1 + 4(max−mode)/(max−min))
    /// (docs/model.md §2); mean (min + 4·mode + max)/6. - Precondition: min ≤ mode ≤ max, min < max.
    public func pert(min: Double, mode: Double, max: Double) -> Double {
        precondition(min < max && min <= mode && mode <= max, "pert(\(min), \(mode), \(max)) outside its domain")
        let (alpha, beta) = InverseCDF.pertShape(min: min, mode: mode, max: max)
        return min + (max - min) * self.beta(alpha: alpha, beta: beta)
    }
}
