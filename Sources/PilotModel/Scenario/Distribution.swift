/// A parameter's value: a constant or a distribution drawn once per run (docs/model.md §2).
///
/// Every case holds the parameters GSL's sampler takes, whichever form the scenario used:
/// `lognormal {mean, sd}`, `beta {mean, sd}` and `gamma {mean, sd}` are converted on load.
public enum Distribution: Hashable, Sendable {
    case constant(Double)
    /// Normal conditioned on `[min, max]`.
    case truncatedNormal(mean: Double, sd: Double, min: Double, max: Double)
    /// `exp(N(zeta, sigma²))`; `zeta` is the log of the median.
    case lognormal(zeta: Double, sigma: Double)
    case uniform(min: Double, max: Double)
    case triangular(min: Double, mode: Double, max: Double)
    /// `min + (max − min)·Beta(1 + 4(mode − min)/(max − min), 1 + 4(max − mode)/(max − min))`.
    case pert(min: Double, mode: Double, max: Double)
    case beta(alpha: Double, beta: Double)
    case gamma(shape: Double, scale: Double)
    /// A three-term metalog (Keelin 2016) in log or logit space, fitted to three percentiles
    /// (`{quantiles: …}`, see `PercentileFit`).
    case metalog(a1: Double, a2: Double, a3: Double, space: MetalogSpace)

    /// Whether the value varies from run to run.
    public var isUncertain: Bool {
        if case .constant = self { return false }
        return true
    }

    /// The smallest and largest values the distribution can take.
    public var support: ClosedRange<Double> {
        switch self {
        case .constant(let value): return value...value
        case .truncatedNormal(_, _, let min, let max), .uniform(let min, let max),
            .triangular(let min, _, let max), .pert(let min, _, let max):
            return min...max
        case .lognormal, .gamma: return 0...Double.infinity
        case .beta: return 0...1
        case .metalog(_, _, _, let space): return space == .log ? 0...Double.infinity : 0...1
        }
    }
}
