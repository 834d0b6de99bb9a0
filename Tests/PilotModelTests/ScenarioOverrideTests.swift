import TestSupport
import Testing

@testable import PilotModel

/// `--set KEY.PATH=YAML_VALUE`: applied before validation, validated like the file.
struct ScenarioOverrideTests {
    private func scenario(_ overrides: String...) throws -> Scenario {
        try Scenario.parse(ScenarioText.minimal, file: "s.yaml", overrides: overrides.map { try ScenarioOverride($0) })
    }

    private func errors(_ overrides: String...) -> [String] {
        do {
            _ = try Scenario.parse(ScenarioText.minimal, file: "s.yaml", overrides: try overrides.map { try ScenarioOverride($0) })
            return []
        } catch let error as ScenarioValidationError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func numberAndDistribution() throws {
        let s = try scenario("wallets.personal.imitation=0.3", "merchants.churn={beta: {alpha: 2, beta: 98}}")
        #expect(s[s.personal.imitation].distribution == .constant(0.3))
        #expect(s[s.merchants.churn].distribution == .beta(alpha: 2, beta: 98))
    }

    @Test func oneStageOfASharedValue() throws {
        let s = try scenario("wallets.personal.innovation.launch=0.2")
        let ids = s.personal.innovation.perStage
        #expect(ids.map { s[$0].distribution } == [.constant(0.05), .constant(0.2), .constant(0.05), .constant(0.05)])
        #expect(s[ids[1]].keyPath == "wallets.personal.innovation[launch]")
        // The key path as outputs spell it works as input too.
        let copied = try scenario("wallets.personal.innovation[launch]=0.2")
        #expect(copied.personal.innovation.perStage.map { copied[$0].distribution } == ids.map { s[$0].distribution })
    }

    @Test func listItemsAndNewKeys() throws {
        let s = try scenario("targets[0].at_least=700", "verdict.likely=0.9")
        #expect(s.targets[0].threshold == 700)
        #expect(try scenario("targets.w.at_least=800").targets[0].threshold == 800)
        #expect(s.verdict.likely == 0.9 && s.verdict.unlikely == 0.2)
    }

    @Test func overridesAreValidatedLikeTheFile() {
        #expect(
            errors("wallets.personal.active_share=1.5") == [
                "--set:1:31: error: wallets.personal.active_share: 1.5 is out of range; expected a share in [0, 1]"
            ])
        #expect(
            errors("wallets.personal.imitaton=0.2") == [
                "--set:1:27: error: wallets.personal.imitaton: unknown key; did you mean 'imitation'?"
            ])
        #expect(
            errors("targets[3].at_least=1") == [
                "s.yaml:29:3: error: targets[3]: index 3 is past the end; expected 0…0 to change an item, or 1 with a whole item to add one"
            ])
        #expect(
            errors("targets.zzz.at_least=1") == [
                "s.yaml:29:3: error: targets.zzz: no item with id 'zzz'; expected an id (w) or [N]"
            ])
        #expect(
            errors("name.first=1") == [
                "s.yaml:1:7: error: name.first: name is a single value, not a mapping; expected a path that ends there"
            ])
    }

    @Test func malformedArguments() {
        #expect(throws: ScenarioValidationError.self) { try ScenarioOverride("wallets.personal.imitation") }
        #expect(throws: ScenarioValidationError.self) { try ScenarioOverride("campaigns[].winners=3") }
        #expect(throws: ScenarioValidationError.self) { try ScenarioOverride("campaigns[1x].winners=3") }
        #expect(throws: ScenarioValidationError.self) { try ScenarioOverride("a..b=3") }
    }
}
