import Foundation
import PilotModel
import Testing
import TestSupport
@testable import Simulator

struct MonteCarloFilteringTests {
    /// Only personal innovation moves the wallets; two other inputs are drawn but enter nothing the
    /// target sees. The decider ranks first with a distance near 1; the others stay below the
    /// Kolmogorov 0.999 critical value for groups of about 2,000 (1.95·√(1/2000 + 1/2000) ≈ 0.062).
    @Test func theOneInputThatDecidesRanksFirst() throws {
        let scenario = try EngineTests.quietScenario([
            "wallets.personal.population=100000",
            "wallets.personal.innovation={uniform: {min: 0.01, max: 0.05}}",
            "merchants.churn={beta: {mean: 0.02, sd: 0.01}}",
            "wallets.corporate.ticket.mean={gamma: {mean: 1000, sd: 300}}",
            "targets=[{id: w, metric: wallets.personal, by: 2023-06, at_least: 15000}]",
        ])
        let result = MonteCarlo(scenario: scenario, seed: 13, threads: 2).run(runs: 4000)
        let filtering = MonteCarloFiltering(result, target: 0)
        #expect(filtering.met > 1000 && filtering.missed > 1000)
        #expect(filtering.inputs[0].keyPath == "wallets.personal.innovation" && filtering.inputs[0].distance > 0.95)
        // 1 − e^(−6p) = 0.15 at p = 0.02709: the split between the groups.
        #expect(abs(filtering.inputs[0].threshold - (-log(0.85) / 6)) < 0.001)
        for other in filtering.inputs.dropFirst() { #expect(other.distance < 0.062, "\(other.keyPath): \(other.distance)") }
    }

    /// The Kolmogorov distribution's 5% point is λ = 1.3581 (Smirnov's tables); for large samples
    /// the p-value at that distance is 0.05.
    @Test func kolmogorovPValueAtTheFivePercentPoint() {
        let n = 1_000_000, e = (Double(n) * Double(n) / Double(2 * n)).squareRoot()
        #expect(abs(MonteCarloFiltering.kolmogorovPValue(1.3581 / e, n, n) - 0.05) < 0.001)
        #expect(MonteCarloFiltering.kolmogorovPValue(0, 10, 10) == 1)
    }
}
