internal import CGSL

/// The standard normal distribution function, for the Gaussian copula of conditioned parameters.
enum StandardNormal {
    /// Φ(z), by `gsl_cdf_ugaussian_P`, kept inside [10⁻¹², 1 − 10⁻¹²] so that a quantile
    /// function can always take it (the prior mass outside is 2·10⁻¹²).
    static func cdf(_ z: Double) -> Double {
        _ = GSLRuntime.prepared
        return min(max(gsl_cdf_ugaussian_P(z), 1e-12), 1 - 1e-12)
    }
}
