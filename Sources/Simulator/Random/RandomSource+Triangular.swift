extension RandomSource {
    /// Triangular(min, mode, max) by inverting its CDF at a uniform draw (`InverseCDF.triangular`).
    /// - Precondition: min ≤ mode ≤ max, min < max.
    public func triangular(min: Double, mode: Double, max: Double) -> Double {
        precondition(min < max && min <= mode && mode <= max, "triangular(\(min), \(mode), \(max)) outside its domain")
        return InverseCDF.triangular(uniform(), min: min, mode: mode, max: max)
    }
}
