internal import CGSL

extension RandomSource {
    /// exp(N(zeta, sigma²)) by `gsl_ran_lognormal`. - Precondition: sigma > 0.
    public func lognormal(zeta: Double, sigma: Double) -> Double {
        precondition(sigma > 0, "lognormal sigma \(sigma) must be > 0")
        return gsl_ran_lognormal(rng, zeta, sigma)
    }
}
