import Foundation
import PilotModel
import TestSupport
import Testing

@testable import Simulator

struct SolverTests {
    /// Solves for the constant monthly rate of one milestone m at which P(m ≥ 3 by 2023-12) = 0.8.
    static func milestoneSolver(range: ClosedRange<Double>) throws -> Solver {
        let document = try ScenarioDocument(text: ScenarioText.minimal, file: "s.yaml")
        let overrides = try ["milestones={m: 0.3}", "targets=[{id: m3, metric: milestones.m, by: 2023-12, at_least: 3}]"].map { try ScenarioOverride($0) }
        return try Solver(
            document: document, overrides: overrides, path: "milestones.m", range: range,
            targetID: "m3", probability: 0.8)
    }

    /// One milestone with a constant monthly rate λ: N(12) ~ Poisson(12λ), and P(N(12) ≥ 3) =
    /// P(Gamma(3, 1) ≤ 12λ). It is 0.8 at 12λ = χ²₀.₈₀(6)/2 = 8.558/2 = 4.279 (chi-square tables),
    /// λ = 0.35658. The reported interval is the values whose P(met) is within 1.96 Monte Carlo SE of
    /// 0.8, so it holds λ 95% of the time; the test allows 4 SE: the interval stretched by 4/1.96
    /// about the solved value.
    @Test func milestoneRateAgainstTheGammaQuantile() throws {
        let solver = try Self.milestoneSolver(range: 0.05...1)
        let (outcome, spent) = try solver.run(seed: 5, runs: 8000, threads: 2)
        guard case .solved(let value, let interval, let p) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        let stretch = 4 / 1.959964
        let allowed = (value - stretch * (value - interval.lowerBound))...(value + stretch * (interval.upperBound - value))
        #expect(allowed.contains(4.27903 / 12), "λ \(value), interval \(interval)")
        #expect(abs(p - 0.8) < 0.01 && spent > 0)
    }

    /// With λ from 0.6 (P(N(12) ≥ 3) = P(Gamma(3, 1) ≤ 7.2) = 0.9745 > 0.8, closed form
    /// 1 − e^(−7.2)(1 + 7.2 + 7.2²/2)) the probability is passed at LOW already: the outcome says
    /// so, with P(met) at LOW, and is not "solved" with LOW as its value.
    @Test func aProbabilityPassedAtLowIsReportedAsSuch() throws {
        let solver = try Self.milestoneSolver(range: 0.6...1.2)
        let (outcome, _) = try solver.run(seed: 5, runs: 4000, threads: 2)
        guard case .alreadyMet(let bound, let p) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        let exact = 1 - exp(-7.2) * (1 + 7.2 + 7.2 * 7.2 / 2)
        #expect(bound == 0.6 && abs(p - exact) <= 4 * (exact * (1 - exact) / 4000).squareRoot(), "P(met) at LOW \(p) vs \(exact)")
    }

    @Test func anUnreachableRangeIsReported() throws {
        let solver = try Self.milestoneSolver(range: 0.001...0.02)
        let (outcome, _) = try solver.run(seed: 5, runs: 2000, threads: 2)
        guard case .unreachable(let low, let high) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(low < 0.01 && high < 0.1)
    }

    /// An increase over a base month falls again when adoption comes too early: P(wallets added in
    /// the second half of 2023 ≥ 300) rises with the first stage's innovation, then falls once most
    /// people already adopted before the base month. The solver refuses to pick a root.
    @Test func aCurveThatTurnsBackIsReported() throws {
        let document = try ScenarioDocument(text: ScenarioText.minimal, file: "s.yaml")
        let overrides = try [
            "calendar={start: 2023-01, end: 2023-12, stages: [{id: a, from: 2023-01, to: 2023-06}, {id: b, from: 2023-07, to: 2023-12}]}",
            "wallets.personal.innovation={a: 0.01, b: 0.01}", "wallets.personal.imitation=0.3",
            "targets=[{id: up, metric: wallets.personal, by: 2023-12, increase_over: 2023-06, at_least: 300}]",
        ]
        .map { try ScenarioOverride($0) }
        let solver = try Solver(
            document: document, overrides: overrides, path: "wallets.personal.innovation.a", range: 0...0.5,
            targetID: "up", probability: 0.9)
        let (outcome, _) = try solver.run(seed: 5, runs: 2000, threads: 2)
        guard case .nonMonotone = outcome else {
            Issue.record("\(outcome)")
            return
        }
    }
}
