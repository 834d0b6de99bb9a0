import Foundation

/// A scenario file parsed as YAML but not yet validated: the starting point for `--set` overrides,
/// and for the many variants of one scenario that a sweep or a sensitivity analysis validates.
public struct ScenarioDocument: Sendable {
    public let root: YAMLNode
    /// The text the document was parsed from.
    public let text: String
    /// Stage ids as the file declares them (the plan's when it declares none), for override paths.
    let stageIDs: [String]

    /// Parses YAML text; `file` names it in locations and errors.
    public init(text: String, file: String) throws {
        root = try YAMLNode.parse(text, file: file)
        self.text = text
        stageIDs = Self.declaredStageIDs(root)
    }

    /// Reads and parses the scenario file at `path`.
    /// Reads the scenario file at `path`; `-` reads standard input (located as `<stdin>`).
    public init(path: String) throws {
        try self.init(text: try readScenarioText(path), file: Self.fileName(path))
    }

    /// What locations call the file at `path`: the path, or `<stdin>` for `-`.
    public static func fileName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The Haimen baseline scenario shipped inside the binary (`scenarios/haimen-baseline.yaml`).
    public static func baseline() throws -> ScenarioDocument {
        try ScenarioDocument(text: Scenario.baselineText, file: Scenario.baselineFileName)
    }

    /// Validates the document after applying `overrides` in order.
    /// - Throws: `ScenarioValidationError` listing every problem found.
    public func scenario(overrides: [ScenarioOverride] = []) throws -> Scenario {
        try ScenarioDecoder().decode(try root(overrides: overrides))
    }

    /// The scenario with `overrides` as a YAML file of its own (`YAMLNode.yamlText`), checked to
    /// be a valid scenario: run, it gives the numbers of the document run with the overrides.
    /// - Throws: `ScenarioValidationError` listing every problem found.
    public func text(overrides: [ScenarioOverride]) throws -> String {
        let root = try root(overrides: overrides)
        _ = try ScenarioDecoder().decode(root)
        return try root.yamlText()
    }

    /// The document's tree after applying `overrides` in order.
    private func root(overrides: [ScenarioOverride]) throws -> YAMLNode {
        var root = self.root
        var problems: [ScenarioDiagnostic] = []
        for override in overrides {
            do {
                try override.apply(to: &root, stageIDs: stageIDs)
            } catch let error as ScenarioValidationError {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw ScenarioValidationError(problems) }
        return root
    }

    private static func declaredStageIDs(_ root: YAMLNode) -> [String] {
        guard case .sequence(let stages)? = root.entry("calendar")?.value.entry("stages")?.value.content else {
            return ScenarioCalendar.planStages.map(\.id)
        }
        return stages.compactMap { stage in
            if case .scalar(let id, _)? = stage.entry("id")?.value.content { return id }
            return nil
        }
    }
}

extension Scenario {
    /// Parses and validates a scenario from YAML text, after applying `overrides` in order.
    ///
    /// - Parameter file: the name used in error locations.
    /// - Throws: `ScenarioValidationError` listing every problem found.
    public static func parse(_ text: String, file: String, overrides: [ScenarioOverride] = []) throws -> Scenario {
        try ScenarioDocument(text: text, file: file).scenario(overrides: overrides)
    }

    /// Reads, parses and validates the scenario file at `path`.
    public static func load(path: String, overrides: [ScenarioOverride] = []) throws -> Scenario {
        try ScenarioDocument(path: path).scenario(overrides: overrides)
    }

    /// The Haimen baseline scenario shipped inside the binary.
    public static func baseline(overrides: [ScenarioOverride] = []) throws -> Scenario {
        try ScenarioDocument.baseline().scenario(overrides: overrides)
    }

    public static let baselineFileName = "haimen-baseline.yaml"

    /// The text of the embedded baseline scenario.
    public static var baselineText: String { String(decoding: PackageResources.haimen_baseline_yaml, as: UTF8.self) }
}

/// Reads a text file — a scenario, a file of reported figures — of at most 4 MiB as UTF-8
/// (`TextFile.read`); `-` reads standard input. `expected` names the kind of file in messages.
func readScenarioText(_ path: String, expected: String = "a scenario YAML file") throws -> String {
    do {
        return try TextFile.read(path, limit: YAMLNode.maximumTextBytes)
    } catch {
        throw ScenarioValidationError([
            ScenarioDiagnostic(location: SourceLocation(file: path, line: 1, column: 1), keyPath: "", message: error.message(expected: expected))
        ])
    }
}
