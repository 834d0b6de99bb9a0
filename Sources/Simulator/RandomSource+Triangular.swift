extension RandomSource {
    /// Triangular(min, mode, max) by inverting its CDF at a uniform draw:
    /// F⁻¹(u) = min + √(u(max−min)(mode−min)) for u < (mode−min)/(max−min), else
    /// max − √((1−u)(max−min)(max−mode)). - Precondition: min ≤ mode ≤ max, min < max.
    public func triangular(min: Double, mode: Double, max: Double) -> Double {
        precondition(min < max && min <= mode && mode <= max, "triangular(\(min), \(mode), \(max)) outside its domain")
        let u = uniform()
        let width = max - min
        if u < (mode - min) / width {
            return min + (u * width * (mode - min)).squareRoot()
        }
        return max - ((1 - u) * width * (max - mode)).squareRoot()
    }
}
