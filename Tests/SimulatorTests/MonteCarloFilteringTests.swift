import Foundation
import PilotModel
import TestSupport
import Testing

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

    /// Benjamini–Hochberg against a hand computation: p = (0.01, 0.04, 0.03, 0.005), m = 4; sorted,
    /// m·p/rank = 0.02, 0.02, 0.04, 0.04, and the running minimum from the largest gives q.
    @Test func benjaminiHochbergByHand() {
        let q = MonteCarloFiltering.benjaminiHochberg([0.01, 0.04, 0.03, 0.005])
        let expected = [0.02, 0.04, 0.04, 0.02]
        for (a, b) in zip(q, expected) { #expect(abs(a - b) < 1e-15) }
        #expect(MonteCarloFiltering.benjaminiHochberg([0.5, 0.9]) == [0.9, 0.9])
    }

    /// 30 uncertain inputs that cannot reach any target — the rates of 30 milestones no target
    /// counts — are marked so and never ranked or decisive, in 20 seeds; the inputs that decide a
    /// target still are.
    @Test func inputsThatCannotAffectATargetAreNeverRanked() throws {
        var text = try String(contentsOfFile: repositoryPath("Tests/Fixtures/golden/small.yaml"), encoding: .utf8)
        let extra = (1...30).map { "m\($0): {gamma: {mean: 0.1, sd: 0.05}}" }.joined(separator: ", ")
        text = text.replacingOccurrences(of: "milestones: {zones: 0.2}", with: "milestones: {zones: {gamma: {mean: 0.2, sd: 0.1}}, \(extra)}")
        let scenario = try Scenario.parse(text, file: "thirty.yaml")
        let irrelevant = Set(scenario.parameters.indices.filter { scenario.parameters[$0].keyPath.hasPrefix("milestones.m") })
        #expect(irrelevant.count == 30)
        for seed in UInt64(1)...20 {
            let result = MonteCarlo(scenario: scenario, seed: seed, threads: 2).run(runs: 600)
            for j in scenario.targets.indices {
                let filtering = MonteCarloFiltering(result, target: j)
                let ranked = filtering.inputs.filter(\.canAffect)
                #expect(ranked.allSatisfy { !irrelevant.contains($0.parameter) }, "seed \(seed), \(scenario.targets[j].id)")
                #expect(filtering.inputs.filter { irrelevant.contains($0.parameter) }.allSatisfy { !$0.canAffect && !$0.isDecisive && $0.qValue == nil })
                #expect(Array(filtering.inputs.prefix(ranked.count).map(\.parameter)) == ranked.map(\.parameter), "the affecting inputs come first")
            }
            // The zones target turns on its own rate, and only on it.
            let zones = MonteCarloFiltering(result, target: scenario.targets.firstIndex { $0.id == "zones" }!)
            #expect(zones.inputs.filter(\.canAffect).map(\.keyPath) == ["milestones.zones"])
        }
    }
}
