import Foundation
import PilotModel

extension Distribution {
    /// The distribution in the scenario's own terms and the reader's language, e.g.
    /// `lognormal(median 0.03, sigma 0.5)` or `对数正态(中位数 0.03, sigma 0.5)`; beta and gamma by
    /// their mean and sd, as the shipped scenarios write them (the sampler's alpha/beta and
    /// shape/scale are derived from those).
    public func text(_ labels: Labels = .english) -> String {
        let zh = labels.language == .chinese
        func n(_ x: Double) -> String { NumberStyle.parameter(x) }
        let (mean, sd, median) = zh ? ("均值", "标准差", "中位数") : ("mean", "sd", "median")
        switch self {
        case .constant(let v): return n(v)
        case .truncatedNormal(let m, let s, let min, let max):
            return "\(zh ? "截断正态" : "truncated_normal")(\(mean) \(n(m)), \(sd) \(n(s)), [\(n(min)), \(n(max))])"
        case .lognormal(let zeta, let sigma): return "\(zh ? "对数正态" : "lognormal")(\(median) \(n(exp(zeta))), sigma \(n(sigma)))"
        case .uniform(let min, let max): return "\(zh ? "均匀" : "uniform")(\(n(min)), \(n(max)))"
        case .triangular(let min, let mode, let max): return "\(zh ? "三角" : "triangular")(\(n(min)), \(n(mode)), \(n(max)))"
        case .pert(let min, let mode, let max): return "pert(\(n(min)), \(n(mode)), \(n(max)))"
        case .beta(let a, let b):
            let m = a / (a + b), s = (a * b / ((a + b) * (a + b) * (a + b + 1))).squareRoot()
            return "beta(\(mean) \(formatDerivedNumber(m)), \(sd) \(formatDerivedNumber(s)))"
        case .gamma(let shape, let scale):
            return "gamma(\(mean) \(formatDerivedNumber(shape * scale)), \(sd) \(formatDerivedNumber(shape.squareRoot() * scale)))"
        case .metalog(let a1, let a2, let a3, let space): return "metalog(\(space.rawValue); \(n(a1)), \(n(a2)), \(n(a3)))"
        }
    }
}

extension ParameterSpec {
    /// The distribution in the scenario's terms, and for one fitted to percentiles what it was
    /// fitted to and how close it comes: `lognormal(median 0.03, sigma 0.5) fitted to p05 0.02,
    /// p95 0.06 (largest miss 0.0% of their range)`.
    public func distributionText(_ labels: Labels = .english) -> String {
        guard let fit else { return distribution.text(labels) }
        let given = fit.given.map { String(format: "p%02d %@", Int(($0.probability * 100).rounded()), formatNumber($0.value)) }.joined(separator: ", ")
        return labels.decision.fitted(distribution.text(labels), to: given, miss: NumberStyle.fixed(fit.worstError * 100, 2) + "%")
    }
}
