import Foundation
import PilotModel
import TestSupport
import Testing

@testable import Simulator

struct ComparisonTests {
    /// The baseline against the baseline's text changed by `edit`, same seed and runs.
    private func compare(_ edit: (String) -> String = { $0 }, runs: Int = 2000) throws -> Comparison {
        let engine = { (text: String) in
            MonteCarlo(scenario: try Scenario.parse(text, file: "b.yaml"), seed: 8, threads: 2).run(runs: runs)
        }
        return Comparison(a: try engine(Scenario.baselineText), b: try engine(edit(Scenario.baselineText)))
    }

    @Test func aScenarioAgainstItselfDiffersByNothing() throws {
        let comparison = try compare()
        for t in comparison.matched {
            #expect(t.difference == 0 && t.onlyA == 0 && t.onlyB == 0 && t.medianDifference == 0, "\(t.target.id)")
            #expect(t.medianDifferenceInterval == 0...0)
        }
        #expect(comparison.onlyInA.isEmpty && comparison.onlyInB.isEmpty)
    }

    /// A campaign added in 2024 has its own streams: no run of 2023 changes, so every 2023 target's
    /// runs are identical; a 2025 target moves.
    @Test func aCampaignIn2024LeavesEvery2023TargetIdentical() throws {
        let campaign = "  - {name: extra, month: 2024-03, winners: 50000, new_user_share: 0.5, voucher_value: 100, redemption: 0.9, leverage: 2}\n"
        let comparison = try compare { $0.replacingOccurrences(of: "\nmilestones:", with: "\n" + campaign + "milestones:") }
        for t in comparison.matched where t.target.deadline.description == "2023-12" {
            #expect(t.difference == 0 && t.onlyA == 0 && t.onlyB == 0 && t.medianDifference == 0, "\(t.target.id)")
        }
        let wallets2025 = try #require(comparison.matched.first { $0.target.id == "wallets-2025h1" })
        #expect(wallets2025.onlyA == 0 && wallets2025.medianDifference > 0)
    }

    /// Newcombe's method 10 on the table A = 12 (both), B = 9 (first only), C = 2 (second only),
    /// D = 4 (n = 27), computed by hand from the paper's formulas: p₁ − p₂ = 7/27 = 0.259259,
    /// φ = (12·4 − 9·2)/√(21·6·14·13) = 0.198107, interval 0.031520 to 0.452104.
    @Test func newcombeMethod10OnAWorkedTable() {
        let interval = Comparison.newcombePaired(bothYes: 12, firstOnly: 9, secondOnly: 2, n: 27)
        #expect(abs(interval.lowerBound - 0.031520) < 1e-6 && abs(interval.upperBound - 0.452104) < 1e-6, "\(interval)")
        // With no discordant pairs the difference is 0 and the interval narrow around it.
        let none = Comparison.newcombePaired(bothYes: 50, firstOnly: 0, secondOnly: 0, n: 100)
        #expect(none.contains(0) && none.upperBound - none.lowerBound < 0.01)
    }

    @Test func targetsInOnlyOneScenarioAreListed() throws {
        let comparison = try compare(
            { $0.replacingOccurrences(of: "\n\nverdict:", with: "\n  - {id: extra, metric: wallets, by: 2024-12, at_least: 250000}\n\nverdict:") }, runs: 200)
        #expect(comparison.onlyInB.map(\.id) == ["extra"] && comparison.onlyInA.isEmpty && comparison.matched.count == 9)
    }
}
