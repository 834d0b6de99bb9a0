internal import CGSL
import PilotModel

extension Distribution {
    /// The p-quantile (inverse CDF) for p in (0, 1): GSL's inverse CDFs for the lognormal, uniform,
    /// beta and gamma; the closed forms of `InverseCDF` for the triangular and truncated normal; the
    /// beta's for PERT.
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile(\(p)) needs 0 < p < 1")
        switch self {
        case .constant(let value): return value
        case .truncatedNormal(let mean, let sd, let min, let max):
            return InverseCDF.truncatedNormal(p, mean: mean, sd: sd, min: min, max: max)
        case .lognormal(let zeta, let sigma): return gsl_cdf_lognormal_Pinv(p, zeta, sigma)
        case .uniform(let min, let max): return gsl_cdf_flat_Pinv(p, min, max)
        case .triangular(let min, let mode, let max): return InverseCDF.triangular(p, min: min, mode: mode, max: max)
        case .pert(let min, let mode, let max):
            let (alpha, beta) = InverseCDF.pertShape(min: min, mode: mode, max: max)
            return min + (max - min) * gsl_cdf_beta_Pinv(p, alpha, beta)
        case .beta(let alpha, let beta): return gsl_cdf_beta_Pinv(p, alpha, beta)
        case .gamma(let shape, let scale): return gsl_cdf_gamma_Pinv(p, shape, scale)
        }
    }
}

/// Inverse CDFs that GSL does not provide, shared by the samplers and `Distribution.quantile`.
enum InverseCDF {
    /// Triangular(min, mode, max): min + √(u(max−min)(mode−min)) for u < (mode−min)/(max−min),
    /// else max − √((1−u)(max−min)(max−mode)).
    static func triangular(_ u: Double, min: Double, mode: Double, max: Double) -> Double {
        let width = max - min
        if u < (mode - min) / width {
            return min + (u * width * (mode - min)).squareRoot()
        }
        return max - ((1 - u) * width * (max - mode)).squareRoot()
    }

    /// N(mean, sd²) conditioned on [min, max]: Φ⁻¹ over the interval's probability range. An
    /// interval wholly above the mean goes through the upper tail (`Q`/`Qinv`) so that far-tail
    /// bounds keep their precision. The result is clamped to [min, max] against rounding.
    static func truncatedNormal(_ u: Double, mean: Double, sd: Double, min: Double, max: Double) -> Double {
        let a = (min - mean) / sd, b = (max - mean) / sd
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

    /// The beta shape parameters of PERT(min, mode, max) (MODEL.md §2).
    static func pertShape(min: Double, mode: Double, max: Double) -> (alpha: Double, beta: Double) {
        let width = max - min
        return (1 + 4 * (mode - min) / width, 1 + 4 * (max - mode) / width)
    }
}
