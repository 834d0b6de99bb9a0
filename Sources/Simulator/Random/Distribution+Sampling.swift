import PilotModel

extension Distribution {
    /// One draw (a constant draws nothing and returns its value).
    public func sample(_ random: RandomSource) -> Double {
        switch self {
        case .constant(let value): return value
        case .truncatedNormal(let mean, let sd, let min, let max):
            return random.truncatedNormal(mean: mean, sd: sd, min: min, max: max)
        case .lognormal(let zeta, let sigma): return random.lognormal(zeta: zeta, sigma: sigma)
        case .uniform(let min, let max): return random.flat(min: min, max: max)
        case .triangular(let min, let mode, let max): return random.triangular(min: min, mode: mode, max: max)
        case .pert(let min, let mode, let max): return random.pert(min: min, mode: mode, max: max)
        case .beta(let alpha, let beta): return random.beta(alpha: alpha, beta: beta)
        case .gamma(let shape, let scale): return random.gamma(shape: shape, scale: scale)
        case .metalog: return metalogQuantile(random.uniformPositive())!
        }
    }
}
