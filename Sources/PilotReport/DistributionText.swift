import Foundation
import PilotModel

extension Distribution {
    /// The distribution in the scenario's own terms, e.g. `lognormal(median 0.03, sigma 0.5)`.
    var text: String {
        func n(_ x: Double) -> String { String(format: "%.4g", x) }
        switch self {
        case .constant(let v): return n(v)
        case .truncatedNormal(let mean, let sd, let min, let max): return "truncated_normal(mean \(n(mean)), sd \(n(sd)), [\(n(min)), \(n(max))])"
        case .lognormal(let zeta, let sigma): return "lognormal(median \(n(exp(zeta))), sigma \(n(sigma)))"
        case .uniform(let min, let max): return "uniform(\(n(min)), \(n(max)))"
        case .triangular(let min, let mode, let max): return "triangular(\(n(min)), \(n(mode)), \(n(max)))"
        case .pert(let min, let mode, let max): return "pert(\(n(min)), \(n(mode)), \(n(max)))"
        case .beta(let alpha, let beta): return "beta(alpha \(n(alpha)), beta \(n(beta)))"
        case .gamma(let shape, let scale): return "gamma(shape \(n(shape)), scale \(n(scale)))"
        }
    }
}
