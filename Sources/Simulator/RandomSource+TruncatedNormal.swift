internal import CGSL

extension RandomSource {
    /// N(mean, sd²) conditioned on [min, max], by inverting the normal CDF on the interval's
    /// probability range (`gsl_cdf_ugaussian_P`/`Pinv`). An interval wholly above the mean is
    /// mapped through the upper tail (`Q`/`Qinv`) so that far-tail bounds keep their precision.
    /// - Precondition: sd > 0, min < max.
    public func truncatedNormal(mean: Double, sd: Double, min: Double, max: Double) -> Double {
        precondition(sd > 0 && min < max, "truncatedNormal(\(mean), \(sd), \(min), \(max)) outside its domain")
        let a = (min - mean) / sd, b = (max - mean) / sd
        let u = uniformPositive()
        let z: Double
        if a > 0 {
            let qa = gsl_cdf_ugaussian_Q(a), qb = gsl_cdf_ugaussian_Q(b)
            z = gsl_cdf_ugaussian_Qinv(qa - u * (qa - qb))
        } else {
            let pa = gsl_cdf_ugaussian_P(a), pb = gsl_cdf_ugaussian_P(b)
            z = gsl_cdf_ugaussian_Pinv(pa + u * (pb - pa))
        }
        return Swift.min(max, Swift.max(min, mean + sd * z))
    }
}
