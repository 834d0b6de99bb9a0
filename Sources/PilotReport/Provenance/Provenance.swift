/// What made a result, named in every terminal header, JSON document, HTML report and manifest, so
/// that a number pasted into a report can be traced to the program, the exact scenario text, the
/// overrides, the reported figures, the seed and the command.
public struct Provenance: Codable, Sendable {
    public let pilotsimVersion: String
    public let commandLine: String
    /// The scenario's file, or the embedded baseline's name.
    public let scenario: String
    /// SHA-256 of the scenario text exactly as read.
    public let scenarioSHA256: String
    /// The `--set` overrides, in order.
    public let overrides: [String]
    /// The reported figures the result is conditioned on (a file, or `observed:` for the
    /// scenario's section) and the SHA-256 of their text; nil for the plan-time view.
    public let observed: String?, observedSHA256: String?
    public let seed: UInt64

    public init(
        commandLine: String, scenario: String, scenarioText: String, overrides: [String],
        observed: (source: String, sha256: String)?, seed: UInt64
    ) {
        pilotsimVersion = PilotsimVersion.current
        self.commandLine = commandLine
        self.scenario = scenario
        scenarioSHA256 = ContentDigest.hex(scenarioText.utf8)
        self.overrides = overrides
        self.observed = observed?.source
        observedSHA256 = observed?.sha256
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case pilotsimVersion = "pilotsim_version"
        case commandLine = "command_line"
        case scenario
        case scenarioSHA256 = "scenario_sha256"
        case overrides, observed
        case observedSHA256 = "observed_sha256"
        case seed
    }
}
