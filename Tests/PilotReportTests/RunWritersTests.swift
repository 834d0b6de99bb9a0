import Foundation
import PilotModel
import TestSupport
import Testing

@testable import PilotReport
@testable import Simulator

/// The files of `run --out` and `--format json`, written in-process from a scenario whose outcome
/// is certain: every one of the 1,000 people and 100 firms opens a wallet in the first month
/// (an innovation rate of 10⁶ a month makes the hazard 1 − e⁻¹⁰⁰⁰⁰⁰⁰ = 1), so every run has exactly
/// 1,100 wallets from 2023-01 on.
struct RunWritersTests {
    static let runs = 50
    static let result: SimulationResult = {
        let scenario = try! Scenario.parse(
            ScenarioText.minimal, file: "certain.yaml",
            overrides: [
                "wallets.personal.innovation=1e6", "wallets.corporate.innovation=1e6",
                "targets=[{id: w, label: {en: Wallets, zh: 钱包}, metric: wallets, by: 2023-12, at_least: 1100}, {id: x, metric: wallets, by: 2023-06, at_least: 1101}]",
            ].map { try ScenarioOverride($0, source: "--set") })
        return MonteCarlo(scenario: scenario, seed: 1, threads: 2, keep: .all).run(runs: runs)
    }()

    /// Wilson's 95% interval for 50 of 50: lower bound n/(n + z²) with z = 1.959964 (by hand:
    /// 50/53.841459 = 0.928652); for 0 of 50 the upper bound is z²/(n + z²) = 0.071348.
    @Test func summaryRowsAreTheCertainOutcome() {
        let rows = parseCSV(SummaryCSV.render(Self.result.summary))
        #expect(
            rows[0] == [
                "target_id", "label", "metric", "deadline", "base", "threshold", "p_met", "ci_low", "ci_high",
                "median", "p05", "p95", "median_first_month", "never_share", "verdict",
            ])
        #expect(Array(rows[1][0...6]) == ["w", "Wallets", "wallets", "2023-12", "", "1100", "1"])
        #expect(abs(Double(rows[1][7])! - 0.928652) < 1e-6 && rows[1][8] == "1")
        #expect(Array(rows[1][9...14]) == ["1100", "1100", "1100", "2023-01", "0", "likely"])
        #expect(Array(rows[2][0...7]) == ["x", "x", "wallets", "2023-06", "", "1101", "0", "0"])
        #expect(abs(Double(rows[2][8])! - 0.071348) < 1e-6)
        #expect(Array(rows[2][12...14]) == ["", "1", "unlikely"])
    }

    @Test func monthlyRowsHoldEveryMetricEveryMonth() {
        let rows = parseCSV(MonthlyCSV.render(Self.result.monthly))
        let metrics = Self.result.scenario.metrics.count
        #expect(rows.count == 1 + 36 * metrics)
        let wallets = rows.first { $0[0] == "2023-01" && $0[2] == "wallets" }!
        #expect(Array(wallets[3...]) == ["1100", "0"] + Array(repeating: "1100", count: 7))
    }

    @Test func runsRowsHaveOneColumnPerDrawnParameterAndTarget() {
        let rows = parseCSV(RunsCSV.render(Self.result))
        #expect(rows[0] == ["run", "value:w", "value:x"])  // every parameter of this scenario is a constant
        #expect(rows.count == 1 + Self.runs && rows[1] == ["0", "1100", "1100"])
    }

    @Test func jsonCarriesTheSummaryFields() throws {
        let json = try JSONReport.render(Self.result.summary, scenario: "certain", runs: Self.runs, seed: 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["scenario"] as? String == "certain" && object["runs"] as? Int == Self.runs)
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(targets[0]["p_met"] as? Double == 1 && targets[0]["median"] as? Double == 1100 && targets[0]["base"] is NSNull)
        let joint = try #require(object["joint"] as? [String: Any])
        #expect((joint["overall"] as? [String: Any])?["p"] as? Double == 0)
    }
}
