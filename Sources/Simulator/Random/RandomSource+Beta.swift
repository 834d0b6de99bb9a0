internal import CGSL

extension RandomSource {
    /// Beta(alpha, beta) by `gsl_ran_beta`. - Precondition: alpha, beta > 0.
    public func beta(alpha: Double, beta: Double) -> Double {
        precondition(alpha > 0 && beta > 0, "beta(\(alpha), \(beta)) outside its domain")
        return gsl_ran_beta(rng, alpha, beta)
    }
}
