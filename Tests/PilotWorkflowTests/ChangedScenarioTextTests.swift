import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator
import TestSupport
import Testing

/// A scenario with changes written out as a file of its own (`ScenarioDocument.text(overrides:)`)
/// is the scenario with those changes: run from the written text, it gives the same numbers as
/// the original file run with the overrides (a second path to them), and written again it is the
/// same text.
@Suite struct ChangedScenarioTextTests {
    @Test(arguments: ["scenarios/haimen-baseline.yaml", "scenarios/haimen-optimistic.yaml", "Tests/Fixtures/golden/small.yaml"])
    func theWrittenScenarioRunsToTheSameNumbers(path: String) throws {
        let document = try ScenarioDocument(path: repositoryPath(path))
        let overrides = try [
            ScenarioOverride(setting: "merchants.churn", to: 0.021),
            ScenarioOverride("wallets.personal.imitation={uniform: {min: 0.1, max: 0.3}}", source: "--set"),
        ]
        let text = try document.text(overrides: overrides)
        let written = try ScenarioDocument(text: text, file: "written.yaml")
        #expect(try written.text(overrides: []) == text)
        let execution = Execution(seed: 5, threads: 2)
        let expected = Analyses.Run(scenario: try document.scenario(overrides: overrides), runs: 400, keep: []).run(execution)
        let actual = Analyses.Run(scenario: try written.scenario(), runs: 400, keep: []).run(execution)
        #expect(SummaryCSV.render(actual.summary) == SummaryCSV.render(expected.summary))
        #expect(text.contains("0.021"))
    }

    /// Quoted scalars stay text: a month written `"2023-06"` and a name with a colon come back
    /// as they were, and Chinese names are written as characters, not escapes.
    @Test func quotedTextAndChineseStayAsTheyWere() throws {
        let text = try ScenarioDocument.baseline().text(overrides: [])
        #expect(text.contains("海门"))
        let again = try ScenarioDocument(text: text, file: "again.yaml")
        #expect(try again.text(overrides: []) == text)
    }
}
