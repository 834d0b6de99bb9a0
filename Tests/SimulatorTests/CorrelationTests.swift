import Foundation
import PilotModel
import TestSupport
import Testing

@testable import Simulator

/// Iman–Conover rank correlation between parameter draws.
struct CorrelationTests {
    static let correlated = """
        correlations=[{between: [wallets.personal.innovation, merchants.outreach], rank: 0.7},
                      {between: [wallets.personal.imitation, merchants.churn], rank: -0.4}]
        """

    static func scenario() throws -> Scenario {
        try EngineTests.quietScenario([
            "wallets.personal.innovation={lognormal: {median: 0.03, sigma: 0.5}}",
            "merchants.outreach={gamma: {mean: 0.02, sd: 0.01}}",
            "wallets.personal.imitation={uniform: {min: 0, max: 0.1}}",
            "merchants.churn={beta: {mean: 0.01, sd: 0.005}}", correlated,
        ])
    }

    private func column(_ result: SimulationResult, _ keyPath: String) -> [Double] {
        let j = result.uncertainParameters.firstIndex { result.scenario.parameters[$0].keyPath == keyPath }!
        let width = result.uncertainParameters.count
        return (0..<result.runs).map { result.parameterValues[$0 * width + j] }
    }

    /// Spearman's ρ written out here, independently of ImanConover: the Pearson correlation of
    /// the ranks, ties given their average rank.
    private func spearman(_ a: [Double], _ b: [Double]) -> Double {
        func ranks(_ x: [Double]) -> [Double] {
            let order = x.indices.sorted { x[$0] < x[$1] }
            var rank = [Double](repeating: 0, count: x.count)
            var i = 0
            while i < order.count {
                var j = i
                while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
                for k in i...j { rank[order[k]] = Double(i + j) / 2 + 1 }
                i = j + 1
            }
            return rank
        }
        let ra = ranks(a), rb = ranks(b), n = Double(a.count)
        let ma = ra.reduce(0, +) / n, mb = rb.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(ra, rb) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        return sab / (saa * sbb).squareRoot()
    }

    @Test func spearmanOfAWorkedExample() {
        // Ranks (1,2,3,4,5) and (2,1,4,3,5): ρ = 1 − 6·Σd²/(n(n²−1)) = 1 − 6·4/120 = 0.8.
        #expect(abs(spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50]) - 0.8) < 1e-12)
    }

    /// 20,000 runs: the sample Spearman correlation of a pair with target ρ has SE ≈ (1 − ρ²)/√n
    /// ≤ 0.007; each must lie within 5 SE (0.035), and independent pairs near 0 likewise.
    @Test func sampleRankCorrelationsMatchTheTargets() throws {
        let result = MonteCarlo(scenario: try Self.scenario(), seed: 4, threads: 2).run(runs: 20_000)
        let innovation = column(result, "wallets.personal.innovation"), outreach = column(result, "merchants.outreach")
        let imitation = column(result, "wallets.personal.imitation"), churn = column(result, "merchants.churn")
        #expect(abs(spearman(innovation, outreach) - 0.7) <= 5 * (1 - 0.49) / 20_000.0.squareRoot())
        #expect(abs(spearman(imitation, churn) + 0.4) <= 5 * (1 - 0.16) / 20_000.0.squareRoot())
        #expect(abs(spearman(innovation, churn)) <= 5 / 20_000.0.squareRoot())
    }

    /// Reordering within blocks keeps every marginal: moments within 5 SE of the analytic ones.
    @Test func marginalsAreUnchanged() throws {
        let result = MonteCarlo(scenario: try Self.scenario(), seed: 6, threads: 2).run(runs: 20_000)
        func check(_ keyPath: String, mean: Double, variance: Double) {
            var values = column(result, keyPath)[...].makeIterator()
            expectMoments(keyPath, mean: mean, variance: variance, n: 20_000) { values.next()! }
        }
        let (zeta, sigma) = (log(0.03), 0.5)
        check("wallets.personal.innovation", mean: exp(zeta + sigma * sigma / 2), variance: (exp(sigma * sigma) - 1) * exp(2 * zeta + sigma * sigma))
        check("merchants.outreach", mean: 0.02, variance: 0.0001)
        check("wallets.personal.imitation", mean: 0.05, variance: 0.01 / 12)
        check("merchants.churn", mean: 0.01, variance: 0.000025)
    }

    @Test func correlatedRunsStayReproducible() throws {
        let scenario = try Self.scenario()
        let one = MonteCarlo(scenario: scenario, seed: 9, threads: 1).run(runs: 2500)
        let three = MonteCarlo(scenario: scenario, seed: 9, threads: 3).run(runs: 2500)
        #expect(one.parameterValues == three.parameterValues && one.targetValues == three.targetValues)
        let short = MonteCarlo(scenario: scenario, seed: 9, threads: 2).run(runs: 700)
        #expect(Array(one.parameterValues.prefix(short.parameterValues.count)) == short.parameterValues)
    }
}
