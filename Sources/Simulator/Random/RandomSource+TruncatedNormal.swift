extension RandomSource {
    /// N(mean, sd²) conditioned on [min, max], by inverting its CDF at a uniform draw in (0, 1)
    /// (`InverseCDF.truncatedNormal`). - Precondition: sd > 0, min < max.
    public func truncatedNormal(mean: Double, sd: Double, min: Double, max: Double) -> Double {
        precondition(sd > 0 && min < max, "truncatedNormal(\(mean), \(sd), \(min), \(max)) outside its domain")
        return InverseCDF.truncatedNormal(uniformPositive(), mean: mean, sd: sd, min: min, max: max)
    }
}
