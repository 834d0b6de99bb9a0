import TestSupport
import Testing

@testable import PilotModel

/// Every class of scenario error, with its exact text: file, line, column, key path, what is
/// wrong and what was expected.
struct ScenarioDiagnosticsTests {
    /// The diagnostics of `text` (file `s.yaml`), as printed.
    private func errors(_ text: String, overrides: [String] = []) -> [String] {
        do {
            _ = try Scenario.parse(text, file: "s.yaml", overrides: try overrides.map { try ScenarioOverride($0) })
            return []
        } catch let error as ScenarioValidationError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    private func errors(replacing prefix: String, with line: String) -> [String] {
        errors(ScenarioText.replacing(prefix, with: line))
    }

    @Test func theMinimalScenarioIsValid() {
        #expect(errors(ScenarioText.minimal) == [])
    }

    @Test func unknownKeyWithDidYouMean() {
        #expect(
            errors(replacing: "imitation:", with: "imitaton: 0.1") == [
                "s.yaml:7:5: error: wallets.personal.imitation: missing; expected a rate",
                "s.yaml:9:5: error: wallets.personal.imitaton: unknown key; did you mean 'imitation'?",
            ])
        #expect(
            errors(replacing: "name: test", with: "name: test\nzzz: 1") == [
                "s.yaml:2:1: error: zzz: unknown key; expected one of name, description, calendar, wallets, merchants, public_flows, campaigns, milestones, correlations, targets, verdict, observed"
            ])
    }

    @Test func duplicateKey() {
        #expect(
            errors(replacing: "imitation:", with: "imitation: 0.1\n    imitation: 0.2") == [
                "s.yaml:10:5: error: duplicate key 'imitation' (first at line 9, column 5); each key may appear once in a mapping"
            ])
    }

    @Test func textByLanguage() {
        #expect(errors(replacing: "name: test", with: "name: {en: Test, zh: 测试}") == [])
        #expect(
            errors(replacing: "name: test", with: "name: {en: Test, fr: Essai}") == [
                "s.yaml:1:18: error: name.fr: unknown key; expected one of en, zh"
            ])
        #expect(
            errors(replacing: "name: test", with: "name: {}") == [
                "s.yaml:1:7: error: name: no text; expected text, or text by language such as {en: Wallets, zh: 钱包数量}"
            ])
    }

    @Test func anchorsAndAliasesAreRefusedAtTheFirst() {
        #expect(
            errors(replacing: "imitation:", with: "imitation: &x 0.1\n    merchant_pull: *x") == [
                "s.yaml:9:16: error: YAML anchor '&x': anchors and aliases are not supported; write the value out"
            ])
        #expect(
            errors(replacing: "name: test", with: "name: *nowhere") == [
                "s.yaml:1:7: error: YAML alias '*nowhere': anchors and aliases are not supported; write the value out"
            ])
    }

    /// A "billion laughs" document (ten aliases of the level below, nine levels: 10⁹ scalars if
    /// expanded) is refused at its first anchor, without expanding anything (an expansion would
    /// not finish, or would exhaust memory, before the error could be returned).
    @Test func billionLaughsIsRefusedWithoutExpansion() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...8 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("name: *a8")
        #expect(errors(lines.joined(separator: "\n")) == ["s.yaml:1:5: error: YAML anchor '&a0': anchors and aliases are not supported; write the value out"])
    }

    @Test func nestingAndSizeAreBounded() {
        let deep = "name: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(errors(deep) == ["s.yaml:1:38: error: nested more than 32 levels deep; expected a scenario"])
        let huge = "name: " + String(repeating: "a", count: YAMLNode.maximumTextBytes)
        #expect(errors(huge) == ["s.yaml:1:1: error: the text is 4194310 bytes; expected at most 4194304 (4 MiB)"])
        #expect(errors("name: a\n---\nname: b\n") == ["s.yaml:2:1: error: a second YAML document; expected one scenario per file"])
    }

    /// An error quotes at most 80 characters of the value it is about.
    @Test func longValuesAreQuotedInPart() {
        let long = String(repeating: "z", count: 100_000)
        let found = errors(replacing: "population: 1000", with: "population: \(long)")
        #expect(found == ["s.yaml:7:17: error: wallets.personal.population: found '\(String(repeating: "z", count: 79))…'; expected a whole number ≥ 0"])
    }

    @Test func wrongTypes() {
        #expect(
            errors(replacing: "population: 1000", with: "population: lots") == [
                "s.yaml:7:17: error: wallets.personal.population: found 'lots'; expected a whole number ≥ 0"
            ])
        #expect(
            errors(replacing: "population: 1000", with: "population: 12.5") == [
                "s.yaml:7:17: error: wallets.personal.population: 12.5 is not a count; expected a whole number ≥ 0"
            ])
        #expect(
            errors(replacing: "imitation:", with: "imitation: \"0.1\"") == [
                "s.yaml:9:16: error: wallets.personal.imitation: found text \"0.1\"; expected a rate in [0, 1e6], or a distribution such as {lognormal: {median: 0.02, sigma: 0.5}}"
            ])
        #expect(
            errors(replacing: "start: 2023-01", with: "start: January") == [
                "s.yaml:3:10: error: calendar.start: found 'January'; expected a month written YYYY-MM"
            ])
    }

    @Test func domainViolationsSuggestAFamilyThatFits() {
        #expect(
            errors(replacing: "active_share: 0.1", with: "active_share: {normal: {mean: 0.1, sd: 0.02}}") == [
                "s.yaml:11:28: error: wallets.personal.active_share.normal: a normal distribution can be negative; expected a share in [0, 1]: use beta, or truncated_normal/uniform/triangular/pert with bounds in [0, 1]"
            ])
        #expect(
            errors(replacing: "imitation:", with: "imitation: {normal: {mean: 0.1, sd: 0.02}}") == [
                "s.yaml:9:25: error: wallets.personal.imitation.normal: a normal distribution can be negative; expected a rate in [0, 1e6]: use lognormal, gamma, or truncated_normal/uniform/triangular/pert with min ≥ 0"
            ])
        #expect(
            errors(replacing: "active_share: 0.1", with: "active_share: {lognormal: {median: 0.1, sigma: 0.5}}") == [
                "s.yaml:11:31: error: wallets.personal.active_share.lognormal: lognormal takes values in [0, ∞), outside the domain; expected a share in [0, 1]: use beta, or truncated_normal/uniform/triangular/pert with bounds in [0, 1]"
            ])
        #expect(
            errors(replacing: "imitation:", with: "imitation: {uniform: {min: -0.1, max: 0.2}}") == [
                "s.yaml:9:26: error: wallets.personal.imitation.uniform: uniform takes values in [-0.1, 0.2], outside the domain; expected a rate in [0, 1e6]: use lognormal, gamma, or truncated_normal/uniform/triangular/pert with min ≥ 0"
            ])
        #expect(
            errors(replacing: "churn:", with: "churn: 1.5") == [
                "s.yaml:27:10: error: merchants.churn: 1.5 is out of range; expected a share in [0, 1]"
            ])
    }

    @Test func badDistributionParameters() {
        #expect(
            errors(replacing: "imitation:", with: "imitation: {gamma: {mean: 0.1, sd: 0}}") == [
                "s.yaml:9:24: error: wallets.personal.imitation.gamma: sd is 0; expected mean, sd > 0"
            ])
        #expect(
            errors(replacing: "imitation:", with: "imitation: {uniform: {min: 0.3, max: 0.2}}") == [
                "s.yaml:9:26: error: wallets.personal.imitation.uniform: min 0.3 is not below max 0.2; expected min < max"
            ])
        #expect(
            errors(replacing: "imitation:", with: "imitation: {pert: {min: 0.1, mode: 0.5, max: 0.3}}") == [
                "s.yaml:9:23: error: wallets.personal.imitation.pert: mode 0.5 lies outside [min, max]; expected min ≤ mode ≤ max"
            ])
        #expect(
            errors(replacing: "imitation:", with: "imitation: {beta: {mean: 0.5, sd: 0.6}}") == [
                "s.yaml:9:23: error: wallets.personal.imitation.beta: sd² = 0.36 is not below mean·(1 − mean) = 0.25; expected a smaller sd"
            ])
        #expect(
            errors(replacing: "imitation:", with: "imitation: {gama: {mean: 0.1, sd: 0.1}}") == [
                "s.yaml:9:17: error: wallets.personal.imitation.gama: unknown distribution; did you mean 'gamma'?"
            ])
        #expect(
            errors(replacing: "imitation:", with: "imitation: {lognormal: {median: 0.1, sd: 0.1}}") == [
                "s.yaml:9:28: error: wallets.personal.imitation.lognormal: parameters {median, sd} do not form a lognormal; expected {median, sigma} or {mean, sd}"
            ])
    }

    @Test func stagesWithAGapOrAnOverlap() {
        let stages = { (second: String) in
            "end: 2025-12\n  stages:\n    - {id: a, from: 2023-01, to: 2023-06}\n    - {id: b, from: \(second), to: 2025-12}"
        }
        #expect(
            errors(replacing: "end: 2025-12", with: stages("2023-08")) == [
                "s.yaml:7:21: error: calendar.stages[1].from: 2023-07 is in no stage (a gap after stage 'a'); expected from: 2023-07"
            ])
        #expect(
            errors(replacing: "end: 2025-12", with: stages("2023-05")) == [
                "s.yaml:7:21: error: calendar.stages[1].from: 2023-05 is also in stage 'a' (an overlap); expected from: 2023-07"
            ])
    }

    @Test func unknownAndMissingStageIDs() {
        #expect(
            errors(replacing: "innovation: 0.05", with: "innovation: {preparation: 0.01, lanch: 0.02, expansion: 0.03, deepening: 0.01}") == [
                "s.yaml:8:37: error: wallets.personal.innovation.lanch: unknown stage; did you mean 'launch'?"
            ])
        #expect(
            errors(replacing: "innovation: 0.05", with: "innovation: {preparation: 0.01, launch: 0.02}") == [
                "s.yaml:8:17: error: wallets.personal.innovation: no value for stage 'expansion' or 'deepening'; expected a value for every stage, or one value for all"
            ])
    }

    @Test func targetsOnUnknownMetricsOrOutsideTheCalendar() {
        #expect(
            errors(replacing: "- {id: w", with: "- {id: w, metric: walets, by: 2023-12, at_least: 500}") == [
                "s.yaml:29:21: error: targets[0].metric: unknown metric 'walets'; did you mean 'wallets'?"
            ])
        #expect(
            errors(replacing: "- {id: w", with: "- {id: w, metric: milestones.demo_zones, by: 2023-12, at_least: 1}").first?
                .hasPrefix("s.yaml:29:21: error: targets[0].metric: unknown metric 'milestones.demo_zones'; expected one of wallets, ") == true)
        #expect(
            errors(replacing: "- {id: w", with: "- {id: w, metric: wallets, by: 2026-12, at_least: 500}") == [
                "s.yaml:29:34: error: targets[0].by: 2026-12 is outside the calendar; expected 2023-01…2025-12"
            ])
        #expect(
            errors(replacing: "- {id: w", with: "- {id: w, metric: amount, by: 2023-12, increase_over: 2024-01, at_least: 500}") == [
                "s.yaml:29:57: error: targets[0].increase_over: 2024-01 is not before the deadline 2023-12; expected a base month before 'by'"
            ])
    }

    @Test func initialCountsMayNotExceedTheirPool() {
        #expect(
            errors(ScenarioText.minimal, overrides: ["merchants.initial=300"]) == [
                "--set:1:19: error: merchants.initial: 300 exceeds the potential 200; expected initial ≤ potential"
            ])
        #expect(
            errors(ScenarioText.minimal, overrides: ["wallets.corporate.initial=101"]) == [
                "--set:1:27: error: wallets.corporate.initial: 101 exceeds the population 100; expected initial ≤ population"
            ])
    }

    @Test func everyProblemIsReportedInOnePass() {
        let text = ScenarioText.replacing(
            "population: 1000", with: "population: -5",
            in: ScenarioText.replacing("churn:", with: "churn: 1.5"))
        #expect(
            errors(text) == [
                "s.yaml:7:17: error: wallets.personal.population: -5 is not a count; expected a whole number ≥ 0",
                "s.yaml:27:10: error: merchants.churn: 1.5 is out of range; expected a share in [0, 1]",
            ])
    }

    @Test func yamlSyntaxError() {
        #expect(
            errors(replacing: "imitation:", with: "imitation: [0.1") == [
                "s.yaml:10:18: error: YAML syntax: did not find expected ',' or ']'"
            ])
    }
}

/// `correlations:` — loading and every kind of error.
struct CorrelationDiagnosticsTests {
    private func load(_ correlations: String) throws -> Scenario {
        try Scenario.parse(
            ScenarioText.minimal, file: "s.yaml",
            overrides: [
                try ScenarioOverride("wallets.personal.imitation={uniform: {min: 0, max: 0.2}}"),
                try ScenarioOverride("merchants.churn={beta: {mean: 0.01, sd: 0.005}}"),
                try ScenarioOverride("merchants.wallet_pull={gamma: {mean: 0.05, sd: 0.02}}"),
                try ScenarioOverride("correlations=\(correlations)"),
            ])
    }

    private func errors(_ correlations: String) -> [String] {
        do {
            _ = try load(correlations)
            return []
        } catch let error as ScenarioValidationError {
            return error.diagnostics.map(\.description)
        } catch { return ["\(error)"] }
    }

    @Test func pairsLoadByKeyPath() throws {
        let s = try load("[{between: [wallets.personal.imitation, merchants.churn], rank: 0.5}]")
        #expect(s.correlations.count == 1 && s.correlations[0].rank == 0.5)
        #expect(s[s.correlations[0].first].keyPath == "wallets.personal.imitation" && s[s.correlations[0].second].keyPath == "merchants.churn")
    }

    @Test func badPairs() {
        #expect(
            errors("[{between: [wallets.personal.imitaton, merchants.churn], rank: 0.5}]") == [
                "--set:1:26: error: correlations[0].between[0]: 'wallets.personal.imitaton' is not a parameter of this scenario; did you mean 'wallets.personal.imitation'?"
            ])
        #expect(
            errors("[{between: [wallets.personal.merchant_pull, merchants.churn], rank: 0.5}]") == [
                "--set:1:26: error: correlations[0].between[0]: 'wallets.personal.merchant_pull' is a constant; expected a parameter given as a distribution"
            ])
        #expect(
            errors("[{between: [merchants.churn, merchants.churn], rank: 0.5}]") == [
                "--set:1:25: error: correlations[0].between: both paths name the same parameter; expected two different parameters"
            ])
        #expect(
            errors("[{between: [wallets.personal.imitation, merchants.churn], rank: 1}]") == [
                "--set:1:78: error: correlations[0].rank: 1 is out of range; expected a rank correlation in (−1, 1)"
            ])
    }

    /// a~b 0.9 and b~c 0.9 force a~c well above 0.6: −0.5 is impossible.
    @Test func inconsistentMatricesAreRefused() {
        #expect(
            errors(
                """
                [{between: [wallets.personal.imitation, merchants.churn], rank: 0.9},
                 {between: [merchants.churn, merchants.wallet_pull], rank: 0.9},
                 {between: [wallets.personal.imitation, merchants.wallet_pull], rank: -0.5}]
                """) == [
                    "--set:1:14: error: correlations: the rank correlations among wallets.personal.imitation, merchants.churn, merchants.wallet_pull are not positive definite (no joint distribution has them); expected a consistent set, e.g. weaker correlations"
                ])
    }
}

/// The `observed:` section's errors, each at its line and column.
struct ObservedSectionDiagnosticsTests {
    private func diagnostics(_ text: String) -> [String] {
        do {
            _ = try Scenario.parse(text, file: "s.yaml")
            return []
        } catch let error as ScenarioValidationError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    /// Reported figures in the scenario: read like the observations file, each problem located.
    @Test func reportedFiguresAreValidatedAndLocated() throws {
        let good =
            ScenarioText.minimal
            + "observed:\n  - {month: 2023-06, metric: wallets, value: 1500, rel_error: 0.02}\n  - {month: 2023-06, metric: merchants, value: 90}\n"
        let scenario = try Scenario.parse(good, file: "s.yaml")
        #expect(scenario.observations.map(\.value) == [1500, 90])
        #expect(scenario.observations.map(\.relativeError) == [0.02, ObservationFile.defaultRelativeError])
        let lines = ScenarioText.minimal.split(separator: "\n", omittingEmptySubsequences: false).count
        let bad =
            ScenarioText.minimal + """
                observed:
                  - {month: 2023-06, metric: walets, value: 1500}
                  - {month: 2031-01, metric: wallets, value: -3, rel_error: 1e-9}
                  - {month: 2023-06, metric: merchants, value: 90, source: slide}

                """
        #expect(
            diagnostics(bad) == [
                "s.yaml:\(lines + 1):30: error: observed[0].metric: unknown metric 'walets'; did you mean 'wallets'?",
                "s.yaml:\(lines + 2):13: error: observed[1].month: 2031-01 is outside the calendar; expected 2023-01…2025-12",
                "s.yaml:\(lines + 2):46: error: observed[1].value: -3 is negative; expected a value ≥ 0",
                "s.yaml:\(lines + 2):61: error: observed[1].rel_error: 1e-09 is out of range; expected the relative sd of the reporting error in [1e-6, 10], e.g. 0.05",
                "s.yaml:\(lines + 3):52: error: observed[2].source: unknown key; expected one of month, metric, value, rel_error",
            ])
    }
}
