import ArgumentParser
import Foundation
import PilotModel
import PilotReport

/// Which scenario to simulate and the overrides to apply to it.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "A scenario YAML file (default: the embedded Haimen baseline).")
    var scenario: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a scenario value: KEY.PATH=YAML_VALUE, e.g. wallets.personal.imitation=0.2 or 'merchants.churn={beta: {mean: 0.01, sd: 0.004}}'. Repeatable.",
        valueName: "KEY.PATH=VALUE"))
    var overrides: [String] = []

    func validate() throws {
        _ = try parsedOverrides()
    }

    /// The `--set` arguments, parsed; a malformed one is a bad argument.
    func parsedOverrides() throws -> [ScenarioOverride] {
        try overrides.map { argument in
            do {
                return try ScenarioOverride(argument)
            } catch let error as ScenarioValidationError {
                throw ValidationError(error.diagnostics.map { "--set \(argument): \($0.message)" }.joined(separator: "\n"))
            }
        }
    }

    /// The name reports show for the scenario's source.
    func sourceName(_ labels: Labels = .english) -> String { scenario ?? "\(Scenario.baselineFileName) (\(labels.embedded))" }

    /// The scenario file (or the embedded baseline), parsed but not yet validated.
    func document() throws -> ScenarioDocument {
        if let scenario { return try ScenarioDocument(path: scenario) }
        return try ScenarioDocument.baseline()
    }

    /// Loads and validates the scenario with its overrides.
    func load() throws -> Scenario {
        try document().scenario(overrides: try parsedOverrides())
    }
}

/// How many runs, from which seed, on how many threads.
struct SimulationOptions: ParsableArguments {
    /// The seed used when none is given: the date of the plan, 17 August 2023.
    static let defaultSeed: UInt64 = 20230817

    @Option(help: "Number of Monte Carlo runs (default: 10,000 for run; 2,000 a point for sweep and tornado).")
    var runs: Int?

    @Option(help: "Random seed, any 64-bit unsigned integer; the report always prints it.")
    var seed: UInt64 = defaultSeed

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "No progress bar (it is shown only when stderr is a terminal anyway).")
    var quiet = false

    func validate() throws {
        if let runs {
            guard runs >= 1 else { throw ValidationError("--runs must be at least 1 (got \(runs))") }
            guard runs <= 10_000_000 else { throw ValidationError("--runs must be at most 10,000,000 (got \(runs))") }
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
    }

    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// `--runs`, or the command's default.
    func runCount(default standard: Int) -> Int { runs ?? standard }
}
