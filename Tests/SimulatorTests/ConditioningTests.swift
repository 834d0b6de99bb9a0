import Foundation
import PilotModel
import Testing
import TestSupport
@testable import Simulator

/// The conditioning sampler against cases with exact answers, and its calibration.
struct ConditioningTests {
    /// Only one milestone with an uncertain monthly rate λ ~ Gamma(3, scale 0.2); N(t) ~ Poisson(λt).
    static func milestoneScenario() throws -> Scenario {
        try EngineTests.quietScenario([
            "milestones={m: {gamma: {shape: 3, scale: 0.2}}}",
            "targets=[{id: m6, metric: milestones.m, by: 2023-12, at_least: 6}]",
        ])
    }

    static func observation(_ scenario: Scenario, month: String, metric: String, value: Double, error: Double) throws -> [Observation] {
        try ObservationFile.parse("month,metric,value,rel_error\n\(month),\(metric),\(formatNumber(value)),\(error)\n",
                                  file: "obs.csv", scenario: scenario)
    }

    /// Gamma–Poisson conjugacy: after N(10) = 4, λ ~ Gamma(3 + 4, scale 0.2/(1 + 10·0.2)) — mean
    /// 0.46667, sd 0.17638 — and N(12) − 4 ~ NegBin(r = 7, q = 2θ′/(1 + 2θ′)), so
    /// P(N(12) ≥ 6) = 1 − (1 − q)⁷(1 + 7q). A 1% reporting error on a count of 4 is an exact
    /// observation (log 5 and log 6 differ by 18 sd).
    @Test func conjugateMilestoneRate() throws {
        let scenario = try Self.milestoneScenario()
        let observed = try Self.observation(scenario, month: "2023-10", metric: "milestones.m", value: 4, error: 0.01)
        let n = 4000
        let result = Conditioning(scenario: scenario, observations: observed, particles: n, seed: 11, threads: 2).run()
        #expect(result.converged)
        let rates = result.posterior.parameterValues
        let (mean, sd) = Statistics.meanAndSD(rates)
        let theta = 0.2 / 3.0, shape = 7.0
        // Particles after resampling and moves are correlated: allow for an ESS of a quarter of N.
        let se = (shape.squareRoot() * theta) / (Double(n) / 4).squareRoot()
        #expect(abs(mean - shape * theta) <= 4 * se, "posterior mean \(mean) vs \(shape * theta) (SE \(se))")
        #expect(abs(sd - shape.squareRoot() * theta) <= 0.1 * shape.squareRoot() * theta, "posterior sd \(sd)")
        #expect(result.posterior.trajectory(metric: scenario.metrics.firstIndex(of: .milestone("m"))!, month: 9).allSatisfy { $0 == 4 })
        let q = 2 * theta / (1 + 2 * theta)
        let exact = 1 - pow(1 - q, 7) * (1 + 7 * q)
        let met = Double(result.posterior.targetValues[0].filter { $0 >= 6 }.count) / Double(n)
        let pse = (exact * (1 - exact) / (Double(n) / 4)).squareRoot()
        #expect(abs(met - exact) <= 4 * pse, "P(N(12) ≥ 6) \(met) vs \(exact)")
    }
}
