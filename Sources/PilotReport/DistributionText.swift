import Foundation
import PilotModel

extension Distribution {
    /// The distribution in the scenario's own terms, e.g. `lognormal(median 0.03, sigma 0.5)`.
    public var text: String {
        func n(_ x: Double) -> String { NumberStyle.parameter(x) }
        switch self {
        case .constant(let v): return n(v)
        case .truncatedNormal(let mean, let sd, let min, let max): return "truncated_normal(mean \(n(mean)), sd \(n(sd)), [\(n(min)), \(n(max))])"
        case .lognormal(let zeta, let sigma): return "lognormal(median \(n(exp(zeta))), sigma \(n(sigma)))"
        case .uniform(let min, let max): return "uniform(\(n(min)), \(n(max)))"
        case .triangular(let min, let mode, let max): return "triangular(\(n(min)), \(n(mode)), \(n(max)))"
        case .pert(let min, let mode, let max): return "pert(\(n(min)), \(n(mode)), \(n(max)))"
        case .beta(let alpha, let beta): return "beta(alpha \(n(alpha)), beta \(n(beta)))"
        case .gamma(let shape, let scale): return "gamma(shape \(n(shape)), scale \(n(scale)))"
        case .metalog(let a1, let a2, let a3, let space): return "metalog(\(space.rawValue); \(n(a1)), \(n(a2)), \(n(a3)))"
        }
    }
}

extension ParameterSpec {
    /// The distribution in the scenario's terms, and for one fitted to percentiles what it was
    /// fitted to and how close it comes: `lognormal(median 0.03, sigma 0.5) fitted to p05 0.02,
    /// p95 0.06 (largest miss 0.0% of their range)`.
    public func distributionText(_ labels: Labels = .english) -> String {
        guard let fit else { return distribution.text }
        let given = fit.given.map { String(format: "p%02d %@", Int(($0.probability * 100).rounded()), formatNumber($0.value)) }.joined(separator: ", ")
        return labels.decision.fitted(distribution.text, to: given, miss: NumberStyle.fixed(fit.worstError * 100, 2) + "%")
    }
}
