import Foundation
import PilotModel
import TestSupport
import Testing

@testable import Simulator

/// Whatever `validate` accepts runs to the end with finite numbers: scenarios at the edges of every
/// domain (docs/scenario-format.md, "Domains"), each of which crashed a sampler or overflowed an
/// amount before the domains had finite bounds.
struct ExtremeInputTests {
    static let extremes: [[String]] = [
        [
            "wallets.personal.ticket.mean=1e12", "wallets.personal.tx_per_active=1e6", "wallets.personal.population=4294967295",
            "wallets.personal.innovation=1e6", "wallets.personal.active_share=1",
        ],
        ["wallets.personal.ticket.cv=1e6", "public_flows.cv=1e6"],
        ["wallets.personal.ticket.cv=1e-300", "wallets.corporate.ticket.cv=5e-324"],
        ["wallets.personal.ticket.mean={lognormal: {median: 1e12, sigma: 10}}"],
        ["wallets.personal.innovation.launch={gamma: {shape: 1e-6, scale: 1e12}}"],
        ["wallets.personal.ticket.mean={gamma: {shape: 1e12, scale: 1}}"],
        ["wallets.personal.innovation.launch={triangular: {min: 0, mode: 0, max: 1e6}}"],
        ["merchants.outreach={uniform: {min: 0, max: 1e6}}", "merchants.churn={beta: {alpha: 1e-6, beta: 1e-6}}"],
        ["campaigns[0].voucher_value=1e12", "campaigns[0].leverage=1e6", "campaigns[0].winners=4294967295"],
        ["milestones.demo_zones=1e6"],
    ]

    @Test(arguments: extremes)
    func acceptedExtremesRunWithFiniteResults(_ overrides: [String]) throws {
        let scenario = try Scenario.baseline(overrides: overrides.map { try ScenarioOverride($0) })
        let result = MonteCarlo(scenario: scenario, seed: 1, threads: 2, keep: .all).run(runs: 40)
        let summary = result.summary
        for target in summary.targets {
            for value in [target.median, target.p05, target.p95, target.probability] {
                #expect(value.isFinite, "\(overrides): \(target.target.id)")
            }
        }
        for metric in scenario.metrics.indices {
            let last = result.trajectory(metric: metric, month: scenario.calendar.monthCount - 1)
            #expect(last.allSatisfy { $0.isFinite }, "\(overrides): \(scenario.metrics[metric])")
        }
        #expect(result.parameterValues.allSatisfy { $0.isFinite && $0 >= 0 })
    }

    /// Past the finite limits the file is refused, located, instead of crashing a sampler.
    @Test func valuesPastTheLimitsAreRefused() throws {
        let cases = [
            ("wallets.personal.ticket.mean=1e308", "--set:1:30: error: wallets.personal.ticket.mean: 1e+308 is out of range; expected a size in [0, 1e12]"),
            ("wallets.personal.ticket.cv=1e7", "--set:1:28: error: wallets.personal.ticket.cv: 10000000 is out of range; expected a rate in [0, 1e6]"),
            (
                "wallets.personal.innovation.launch={lognormal: {mean: 1, sd: 1e300}}",
                "--set:1:48: error: wallets.personal.innovation.launch.lognormal: sigma inf is above 10 (P95/P5 over 10¹⁴); expected a narrower lognormal"
            ),
            (
                "wallets.personal.innovation.launch={lognormal: {median: 1e7, sigma: 1}}",
                "--set:1:48: error: wallets.personal.innovation.launch.lognormal: median 10000000 is beyond the domain's bounds; expected a rate in [0, 1e6]"
            ),
            (
                "wallets.personal.active_share={beta: {alpha: 1e-9, beta: 1}}",
                "--set:1:38: error: wallets.personal.active_share.beta: alpha 1e-09 is outside [1e-6, 1e12]; expected a less extreme distribution (or a constant)"
            ),
            (
                "wallets.personal.innovation.launch={triangular: {min: 0, mode: 0, max: 1e308}}",
                "--set:1:49: error: wallets.personal.innovation.launch.triangular: triangular takes values in [0, 1e+308], outside the domain; expected a rate in [0, 1e6]: use lognormal, gamma, or truncated_normal/uniform/triangular/pert with min ≥ 0"
            ),
        ]
        for (argument, message) in cases {
            do {
                _ = try Scenario.baseline(overrides: [try ScenarioOverride(argument)])
                Issue.record("\(argument) was accepted")
            } catch let error as ScenarioValidationError {
                #expect(error.description == message)
            }
        }
    }
}
