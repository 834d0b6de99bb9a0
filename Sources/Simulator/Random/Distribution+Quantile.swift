internal import CGSL
import PilotModel

extension Distribution {
    /// The p-quantile (inverse CDF) for p in (0, 1): GSL's inverse CDFs for the lognormal and
    /// uniform; GSL's for the beta and gamma, made safe by `InverseCDF`; closed forms for the
    /// triangular and truncated normal; the beta's for PERT.
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile(\(p)) needs 0 < p < 1")
        _ = GSLRuntime.prepared
        switch self {
        case .constant(let value): return value
        case .truncatedNormal(let mean, let sd, let min, let max):
            return InverseCDF.truncatedNormal(p, mean: mean, sd: sd, min: min, max: max)
        case .lognormal(let zeta, let sigma): return gsl_cdf_lognormal_Pinv(p, zeta, sigma)
        case .uniform(let min, let max): return gsl_cdf_flat_Pinv(p, min, max)
        case .triangular(let min, let mode, let max): return InverseCDF.triangular(p, min: min, mode: mode, max: max)
        case .pert(let min, let mode, let max):
            let (alpha, beta) = InverseCDF.pertShape(min: min, mode: mode, max: max)
            return min + (max - min) * InverseCDF.beta(p, alpha: alpha, beta: beta)
        case .beta(let alpha, let beta): return InverseCDF.beta(p, alpha: alpha, beta: beta)
        case .gamma(let shape, let scale): return InverseCDF.gamma(p, shape: shape, scale: scale)
        case .metalog: return metalogQuantile(p)!
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

    /// Beta(alpha, beta)'s p-quantile. `gsl_cdf_beta_Pinv` returns NaN for some shapes (for
    /// alpha 3.95, beta 391.05 at p = 0.75, say: its Newton iteration leaves [0, 1]); its answer
    /// is used as the first guess of a bracketed Newton iteration on GSL's exact CDF.
    static func beta(_ p: Double, alpha: Double, beta: Double) -> Double {
        let guess = gsl_cdf_beta_Pinv(p, alpha, beta)
        return solve(
            p, guess: guess.isFinite ? guess : alpha / (alpha + beta), lower: 0, upper: 1,
            cdf: { gsl_cdf_beta_P($0, alpha, beta) }, density: { gsl_ran_beta_pdf($0, alpha, beta) })
    }

    /// Gamma(shape, scale)'s p-quantile, by the same safeguard around `gsl_cdf_gamma_Pinv`.
    static func gamma(_ p: Double, shape: Double, scale: Double) -> Double {
        let guess = gsl_cdf_gamma_Pinv(p, shape, scale)
        var upper = Swift.max(shape * scale, guess.isFinite ? guess : 0) * 2 + scale
        while gsl_cdf_gamma_P(upper, shape, scale) < p { upper *= 2 }
        return solve(
            p, guess: guess.isFinite ? guess : shape * scale, lower: 0, upper: upper,
            cdf: { gsl_cdf_gamma_P($0, shape, scale) }, density: { gsl_ran_gamma_pdf($0, shape, scale) })
    }

    /// The x in [lower, upper] with cdf(x) = p, by Newton steps from `guess` that fall back to
    /// bisection whenever a step would leave the bracket that still holds the root; it stops when
    /// the bracket is two neighbouring doubles and returns the better of them.
    static func solve(
        _ p: Double, guess: Double, lower: Double, upper: Double,
        cdf: (Double) -> Double, density: (Double) -> Double
    ) -> Double {
        var lo = lower, hi = upper
        var x = Swift.min(Swift.max(guess, lower), upper)
        for _ in 0..<400 {
            let f = cdf(x) - p
            if f == 0 { return x }
            if f < 0 { lo = x } else { hi = x }
            if hi <= lo.nextUp { break }
            let step = x - f / density(x)
            x = step > lo && step < hi && step.isFinite ? step : lo + (hi - lo) / 2
        }
        return abs(cdf(lo) - p) <= abs(cdf(hi) - p) ? lo : hi
    }

    /// The beta shape parameters of PERT(min, mode, max) (docs/model.md §2).
    static func pertShape(min: Double, mode: Double, max: Double) -> (alpha: Double, beta: Double) {
        let width = max - min
        return (1 + 4 * (mode - min) / width, 1 + 4 * (max - mode) / width)
    }
}
