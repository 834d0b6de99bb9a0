import Foundation

/// manifest.json, written beside the files of `run --out`, `condition --out` and `merge --out`:
/// what made them, so that a result pasted into a report can be traced to the exact scenario text,
/// overrides, seed, run count and program — for a merge, also each shard's own command line.
public struct Manifest: Codable {
    public let pilotsimVersion: String
    public let commandLine: String
    public let scenario: String
    public let scenarioSHA256: String
    public let seed: UInt64
    public let runs: Int
    public let generator: String
    public let files: [String]
    /// The reported figures the outputs are conditioned on (a file, or `observed:` for the
    /// scenario's section) and the SHA-256 of their text; both absent for the plan-time view.
    public var observed: String? = nil
    public var observedSHA256: String? = nil
    /// The `--set` overrides, in order.
    public var overrides: [String] = []
    /// For a merge: the command line of each shard, in shard order.
    public var shardCommandLines: [String]? = nil

    /// - Parameters:
    ///   - scenarioText: the scenario exactly as read (the file, or the embedded baseline); its
    ///     SHA-256 is recorded. `--set` overrides are in the command line.
    public init(commandLine: String, scenario: String, scenarioText: String, seed: UInt64, runs: Int, files: [String]) {
        pilotsimVersion = PilotsimVersion.current
        self.commandLine = commandLine
        self.scenario = scenario
        scenarioSHA256 = ContentDigest.hex(scenarioText.utf8)
        self.seed = seed
        self.runs = runs
        generator = Generators.description
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case pilotsimVersion = "pilotsim_version"
        case commandLine = "command_line"
        case scenario
        case scenarioSHA256 = "scenario_sha256"
        case seed, runs, generator, files, observed
        case observedSHA256 = "observed_sha256"
        case overrides
        case shardCommandLines = "shard_command_lines"
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// The version of pilotsim, in `--version`, manifests and reports.
public enum PilotsimVersion {
    public static let current = "0.7.0"
}
