internal import CGSL

extension RandomSource {
    /// Uniform on [min, max) by `gsl_ran_flat`. - Precondition: min < max.
    public func flat(min: Double, max: Double) -> Double {
        precondition(min < max, "flat(\(min), \(max)) needs min < max")
        return gsl_ran_flat(rng, min, max)
    }
}
