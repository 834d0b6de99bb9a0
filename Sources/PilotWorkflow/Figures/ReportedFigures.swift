import PilotModel
import PilotReport
import Simulator

/// Figures an analysis conditions on, and their provenance for headers and manifests.
public struct ReportedFigures: Sendable {
    public let observations: [Observation]
    /// The file, or `observed:` for the scenario's own section.
    public let source: String
    /// SHA-256 of the file's text, or of the section's figures as CSV (`ObservationFile.render`).
    public let sha256: String
    /// The file's text, or nil for the scenario's own section (and figures given as values).
    public let fileText: String?

    /// What `source` says for the scenario's own `observed:` section.
    public static let scenarioSection = "observed:"

    public init(observations: [Observation], source: String, sha256: String, fileText: String? = nil) {
        (self.observations, self.source, self.sha256, self.fileText) = (observations, source, sha256, fileText)
    }

    /// The figures of an observation file's `text`, read against `scenario`.
    /// - Throws: `ScenarioValidationError` located in the file for a figure it cannot take.
    public init(fileText text: String, file: String, scenario: Scenario) throws {
        self.init(
            observations: try ObservationFile.parse(text, file: file, scenario: scenario), source: file, sha256: ContentDigest.hex(text.utf8),
            fileText: text)
    }

    /// The scenario's own `observed:` section, or nil when it has none.
    public init?(sectionOf scenario: Scenario) {
        guard !scenario.observations.isEmpty else { return nil }
        self.init(
            observations: scenario.observations, source: Self.scenarioSection,
            sha256: ContentDigest.hex(ObservationFile.render(scenario.observations).utf8))
    }

    /// `docs/examples/haimen-2023-08.csv (3 figures)`, in the report's language.
    public func description(_ labels: Labels) -> String {
        labels.condition.figuresSource(source == Self.scenarioSection ? labels.condition.scenarioSection : source, count: observations.count)
    }

    /// The source and digest a provenance records.
    public var provenance: (source: String, sha256: String) { (source, sha256) }
}
