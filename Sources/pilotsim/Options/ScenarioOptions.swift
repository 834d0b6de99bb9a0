import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow

/// Which scenario to simulate and the overrides to apply to it.
struct ScenarioOptions: ParsableArguments {
    @Argument(
        help: "A scenario YAML file, or - for standard input (default: the embedded Haimen baseline).",
        completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override a scenario value: KEY.PATH=YAML_VALUE, e.g. wallets.personal.imitation=0.2 or 'merchants.churn={beta: {mean: 0.01, sd: 0.004}}'. Repeatable.",
            valueName: "KEY.PATH=VALUE"))
    var overrides: [String] = []

    /// The `--set` arguments, parsed. A malformed one is a scenario error located in the argument
    /// (`--set:1:COL`, exit 65), like every other problem with a `--set` value.
    func parsedOverrides() throws -> [ScenarioOverride] {
        try overrides.map { try ScenarioOverride($0, source: "--set") }
    }

    /// The scenario's file (or the embedded baseline's name), as manifests and part files record it.
    func sourceName(_ labels: Labels = .english) -> String {
        guard let scenario else { return "\(Scenario.baselineFileName) (\(labels.embedded))" }
        return ScenarioDocument.fileName(scenario)
    }

    /// The scenario as report headers name it: its source, the first 12 digits of its text's
    /// SHA-256 and the `--set` overrides — `haimen-baseline.yaml (embedded) · SHA-256
    /// 3f2a9c1d4b5e · --set campaigns[0].winners=60000` — so that a pasted table says which
    /// scenario it came from.
    /// `overrides` replaces the `--set` values for results made with others (`report --from`).
    func describedSource(_ labels: Labels = .english, overrides: [String]? = nil) -> String {
        let name = (try? document().text).map { ContentDigest.named(sourceName(labels), text: $0) } ?? sourceName(labels)
        return name + (overrides ?? self.overrides).map { " · --set \($0)" }.joined()
    }

    /// The provenance of a result of this scenario.
    func provenance(seed: UInt64, figures: ReportedFigures?) throws -> Provenance {
        Provenance(
            commandLine: CommandLineText.current(), scenario: sourceName(), scenarioText: try document().text, overrides: overrides,
            observed: figures.map { ($0.source, $0.sha256) }, seed: seed)
    }

    /// The scenario file (or the embedded baseline), parsed but not yet validated.
    func document() throws -> ScenarioDocument {
        if let scenario { return try ScenarioDocument(path: scenario) }
        return try ScenarioDocument.baseline()
    }

    /// Loads and validates the scenario with its overrides.
    func load() throws -> Scenario {
        try document().scenario(overrides: try parsedOverrides())
    }

    /// The scenario text as read, and the validated scenario.
    func loadWithText() throws -> (text: String, scenario: Scenario) {
        let document = try document()
        return (document.text, try document.scenario(overrides: try parsedOverrides()))
    }
}
