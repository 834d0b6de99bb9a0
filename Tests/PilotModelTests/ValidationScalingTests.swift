import Foundation
import TestSupport
import Testing

@testable import PilotModel

/// Validation is linear in the size of the file: ten times the campaigns take about ten times as
/// long (a quadratic step, as there once was, takes a hundred times as long).
struct ValidationScalingTests {
    private func scenario(campaigns: Int) -> String {
        let items = (0..<campaigns).map {
            "  - {name: c\($0), month: 2023-09, winners: 100, new_user_share: 0.5, voucher_value: 50, redemption: 0.85, leverage: 2}"
        }
        return ScenarioText.minimal + "\ncampaigns:\n" + items.joined(separator: "\n") + "\n"
    }

    @Test func tenTimesTheCampaignsTakeAboutTenTimesAsLong() throws {
        let small = scenario(campaigns: 1_000), large = scenario(campaigns: 10_000)
        let clock = ContinuousClock()
        func fastest(_ text: String) throws -> Duration {
            var best = Duration.seconds(1_000)
            for _ in 0..<3 {
                var scenario: Scenario?
                let elapsed = try clock.measure { scenario = try Scenario.parse(text, file: "many.yaml") }
                best = min(best, elapsed)
                #expect(scenario != nil)
            }
            return best
        }
        let ratio = try fastest(large) / fastest(small)
        #expect(ratio < 30, "10× the campaigns took \(ratio)× as long")
    }
}
