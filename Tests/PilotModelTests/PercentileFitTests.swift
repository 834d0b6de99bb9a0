import Foundation
import TestSupport
import Testing

@testable import PilotModel

/// Distributions fitted to percentiles: exact where the family can match, refused with a location
/// where nothing can.
struct PercentileFitTests {
    private func fit(_ pairs: [(Double, Double)], _ domain: ParameterDomain) throws -> PercentileFit {
        try PercentileFit.fit(pairs.map { PercentileFit.Percentile(probability: $0.0, value: $0.1) }, domain: domain)
    }

    /// Lognormal(median 0.03, sigma 0.5) has P5 = 0.03·e^(−0.5·1.6448536) and P95 = 0.03·e^(0.5·1.6448536)
    /// (z₀.₉₅ = 1.6448536269514722, from the normal tables); fitting those two gives them back to 10⁻⁶.
    @Test func twoPercentilesOfALognormal() throws {
        let z = 1.6448536269514722
        let result = try fit([(0.05, 0.03 * exp(-0.5 * z)), (0.95, 0.03 * exp(0.5 * z))], .rate)
        guard case .lognormal(let zeta, let sigma) = result.distribution else {
            Issue.record("\(result.distribution)")
            return
        }
        #expect(abs(exp(zeta) - 0.03) < 1e-6 * 0.03 && abs(sigma - 0.5) < 1e-6)
        #expect(result.worstError < 1e-6)
    }

    /// Beta(2, 5)'s P10 and P90 are 0.09259525891312873 and 0.5103163065514917 (SciPy's
    /// `beta.ppf`, a second implementation); fitting them gives both back to 10⁻⁶.
    @Test func twoPercentilesOfABeta() throws {
        let result = try fit([(0.10, 0.09259525891312873), (0.90, 0.5103163065514917)], .share)
        guard case .beta(let a, let b) = result.distribution else {
            Issue.record("\(result.distribution)")
            return
        }
        #expect(abs(PercentileFit.betaQuantile(0.10, a, b) - 0.09259525891312873) < 1e-6)
        #expect(abs(PercentileFit.betaQuantile(0.90, a, b) - 0.5103163065514917) < 1e-6)
        #expect(abs(a - 2) < 1e-3 && abs(b - 5) < 1e-3, "alpha \(a), beta \(b)")
    }

    /// Three percentiles no lognormal matches within 1% of their range get the three-term metalog,
    /// which passes through all three.
    @Test func threePercentilesTheFamilyCannotMatchGetAMetalog() throws {
        let result = try fit([(0.05, 0.02), (0.5, 0.03), (0.95, 0.09)], .rate)
        guard case .metalog = result.distribution else {
            Issue.record("\(result.distribution)")
            return
        }
        for (p, q) in [(0.05, 0.02), (0.5, 0.03), (0.95, 0.09)] {
            #expect(abs(result.distribution.metalogQuantile(p)! - q) < 1e-12)
        }
    }

    @Test func theNormalQuantileMatchesTheTables() {
        #expect(abs(PercentileFit.normalQuantile(0.95) - 1.6448536269514722) < 1e-13)
        #expect(abs(PercentileFit.normalQuantile(0.001) + 3.090232306167813) < 1e-12)
    }

    @Test func badPercentileSetsAreRefusedWithLocations() {
        func errors(_ value: String) -> [String] {
            do {
                _ = try Scenario.parse(ScenarioText.minimal, file: "s.yaml", overrides: [try ScenarioOverride("wallets.personal.imitation=\(value)")])
                return []
            } catch let error as ScenarioValidationError { return error.diagnostics.map(\.description) } catch { return ["\(error)"] }
        }
        #expect(
            errors("{quantiles: {p05: 0.05, p95: 0.03}}") == [
                "--set:1:40: error: wallets.personal.imitation.quantiles: the values do not increase with the percentiles; expected p05 < p50 < p95 values in the same order"
            ])
        #expect(
            errors("{quantiles: {p05: 0, p95: 0.03}}") == [
                "--set:1:40: error: wallets.personal.imitation.quantiles: 0 is outside the domain; expected values in (0, 1000000] for a rate in [0, 1e6]"
            ])
        #expect(
            errors("{quantiles: {p50: 0.03}}") == [
                "--set:1:40: error: wallets.personal.imitation.quantiles: 1 percentile; expected two or three, such as {p05: 0.02, p50: 0.03, p95: 0.06}"
            ])
        #expect(
            errors("{quantiles: {p5: 0.01, p50: 0.03}}") == [
                "--set:1:41: error: wallets.personal.imitation.quantiles.p5: unknown percentile; did you mean 'p05'?"
            ])
        #expect(errors("{quantiles: {p05: 0.02, p50: 0.021, p95: 0.06}}").first?.contains("no lognormal or metalog matches these percentiles") == true)
    }
}
