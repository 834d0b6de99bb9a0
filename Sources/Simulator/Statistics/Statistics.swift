internal import CGSL

/// The estimators of docs/model.md §5.
public enum Statistics {
    /// z for a two-sided 95% interval: Φ⁻¹(0.975).
    public static let z95 = 1.959963984540054

    /// The p-quantile of Student's t with `degreesOfFreedom` (GSL's `gsl_cdf_tdist_Pinv`).
    public static func studentTQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
    }

    /// The p-quantile of χ² with `degreesOfFreedom` (GSL's `gsl_cdf_chisq_Pinv`).
    public static func chiSquareQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        gsl_cdf_chisq_Pinv(p, degreesOfFreedom)
    }

    /// Wilson score interval for a binomial proportion (Wilson 1927):
    /// (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). Unlike p̂ ± z·SE it stays inside [0, 1]
    /// and is not degenerate at 0 or n successes. At 0 successes its lower end is exactly 0 (and at
    /// n the upper end exactly 1), which the formula gives only up to rounding.
    public static func wilson(successes: Int, trials: Int, z: Double = z95) -> ClosedRange<Double> {
        precondition(trials > 0 && (0...trials).contains(successes))
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        return (successes == 0 ? 0 : max(0, centre - half))...(successes == trials ? 1 : min(1, centre + half))
    }

    /// Spearman's rank correlation of two equally long samples: the Pearson correlation of their
    /// ranks (ties ranked in order). NaN when either sample is constant.
    public static func spearman(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count && a.count > 1)
        let ra = ImanConover.ranks(a), rb = ImanConover.ranks(b)
        return ImanConover.correlation(zip(ra, rb).map { [Double($0), Double($1)] })[0][1]
    }

    /// Mean and sample standard deviation (n − 1; 0 for a single value), by `RunningMoments`.
    public static func meanAndSD<C: Collection>(_ data: C) -> (mean: Double, sd: Double) where C.Element == Double {
        precondition(!data.isEmpty)
        var moments = RunningMoments()
        for x in data { moments.add(x) }
        return (moments.mean, moments.sd)
    }
}
