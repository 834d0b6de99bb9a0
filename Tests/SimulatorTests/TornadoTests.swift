import PilotModel
import Testing

@testable import Simulator

struct TornadoTests {
    private static let result: (Tornado, SimulationSummary, [[Tornado.Bar]]) = {
        let tornado = Tornado(scenario: try! Scenario.baseline(), low: 0.1, high: 0.9)
        let (baseline, bars) = tornado.run(seed: 12, runs: 300, threads: 2)
        return (tornado, baseline, bars)
    }()

    private func bar(_ target: String, _ parameter: String) -> Tornado.Bar {
        let (tornado, _, bars) = Self.result
        let j = tornado.scenario.targets.firstIndex { $0.id == target }!
        return bars[j].first { $0.parameter == parameter }!
    }

    /// Common random numbers per stream: a parameter that does not enter a target's metric cannot
    /// change a single run's outcome, so its swing is exactly 0.
    @Test func parametersOutsideAMetricHaveNoSwing() {
        for parameter in [
            "milestones.typical_cases[launch]", "wallets.personal.ticket.mean", "public_flows.amount[launch]",
            "campaigns[0].leverage", "wallets.corporate.active_share",
        ] {
            let b = bar("wallets-2023", parameter)
            #expect(b.swing == 0 && b.swingStandardError == 0, "\(parameter)")
        }
        #expect(bar("innovation-2023", "merchants.churn").swing == 0)
        #expect(bar("cases-2023", "milestones.typical_cases[launch]").swing > 0.2)
    }

    @Test func pinnedValuesAreTheQuantilesAndBarsAreSortedBySwing() {
        let (tornado, _, bars) = Self.result
        #expect(bars.count == tornado.scenario.targets.count)
        #expect(bars.allSatisfy { $0.count == tornado.parameters.count })
        #expect(bars.allSatisfy { row in zip(row, row.dropFirst()).allSatisfy { $0.swing >= $1.swing } })
        let churn = tornado.scenario.parameters.first { $0.keyPath == "merchants.churn" }!.distribution
        let b = bar("merchants-2023", "merchants.churn")
        #expect(b.lowValue == churn.quantile(0.1) && b.highValue == churn.quantile(0.9))
        #expect(b.highProbability <= b.lowProbability, "more churn, fewer merchants")
    }

    @Test func constantsAreNotPinned() {
        let (tornado, _, _) = Self.result
        #expect(tornado.parameters.allSatisfy { tornado.scenario.parameters[$0].distribution.isUncertain })
        #expect(!tornado.parameters.contains { tornado.scenario.parameters[$0].keyPath == "wallets.personal.ticket.cv" })
    }
}
