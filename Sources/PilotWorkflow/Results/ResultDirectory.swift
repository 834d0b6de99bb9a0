import Foundation
import PilotModel
import PilotReport
import Simulator

/// The outputs of `run --out` or of `merge` of run parts, read back so that `report --from` draws
/// the report without simulating again: manifest.json says what was simulated (pilotsim version,
/// scenario and its SHA-256, overrides, seed, runs); summary.csv, joint.csv, stages.csv and
/// monthly.csv are the result's tables; runs.csv's first runs are the per-run values the
/// histograms and the explanation draw on. Every file is checked against the scenario; a problem
/// is a `ResultFileError` naming the file and line.
public struct ResultDirectory {
    public let manifest: Manifest
    public let scenario: Scenario
    public let result: SimulationResult

    /// The most bytes a table of the directory (not runs.csv, which is read line by line) may hold.
    public static let tableLimit = 64 << 20
    /// The longest line runs.csv may have: far more than a scenario's parameters and targets need.
    public static let runsLineLimit = 1 << 20

    /// Reads `path` for `document`, the scenario the results must be of (the manifest records
    /// only its SHA-256), keeping the values of the first `perRunLimit` runs.
    public init(_ path: String, document: ScenarioDocument, documentName: String, perRunLimit: Int) throws {
        func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        func text(_ name: String) throws -> String {
            do { return try TextFile.read(file(name), limit: Self.tableLimit) } catch {
                throw ResultFileError(file(name), error.message(expected: "\(name) of a run --out or merge directory"))
            }
        }
        let manifest = try Self.manifest(try text("manifest.json"), at: file("manifest.json"), of: path, document: document, documentName: documentName)
        let overrides = try manifest.provenance.overrides.map { try ScenarioOverride($0, source: "--set") }
        let scenario = try document.scenario(overrides: overrides)
        let reader = SummaryReadBack(scenario: scenario, runs: manifest.runs)
        let summary = try reader.summary(
            summary: try text("summary.csv"), joint: try text("joint.csv"), stages: try text("stages.csv"),
            files: (file("summary.csv"), file("joint.csv"), file("stages.csv")))
        let monthly = try reader.monthly(try text("monthly.csv"), file: file("monthly.csv"))
        var lines: TextFile.Lines
        do { lines = try TextFile.Lines(file("runs.csv"), maximumLine: Self.runsLineLimit) } catch {
            throw ResultFileError(file("runs.csv"), error.message(expected: "runs.csv of a run --out or merge directory"))
        }
        guard let header = lines.next(), header.text + "\r\n" == reader.runsHeader else {
            throw ResultFileError(file("runs.csv"), line: 1, "the header is not the scenario's run, param:…, value:… columns")
        }
        let runs: SummaryReadBack.Runs
        do {
            runs = try reader.runs(AnySequence { AnyIterator { lines.next() } }, file: file("runs.csv"), limit: perRunLimit)
        } catch {
            if let line = lines.overlong { throw ResultFileError(file("runs.csv"), line: line, "a line longer than \(Self.runsLineLimit) bytes") }
            throw error
        }
        self.manifest = manifest
        self.scenario = scenario
        result = SimulationResult(
            readBack: scenario, seed: manifest.provenance.seed, runs: manifest.runs, summary: summary, monthly: monthly,
            uncertainParameters: scenario.uncertainParameters, parameterValues: runs.parameterValues,
            targetValues: runs.targetValues)
    }

    /// The manifest of the directory `path`, read from `manifestText` (at `manifestPath`), after
    /// checking that it is of this pilotsim, of plan-time results with runs.csv, and of
    /// `document`.
    private static func manifest(
        _ manifestText: String, at manifestPath: String, of path: String, document: ScenarioDocument, documentName: String
    ) throws -> Manifest {
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(manifestText.utf8)) else {
            throw ResultFileError(manifestPath, "not the manifest of a run; expected the manifest.json that run --out and merge write")
        }
        guard manifest.provenance.pilotsimVersion == PilotsimVersion.current else {
            throw ResultFileError(
                manifestPath, "results of pilotsim \(manifest.provenance.pilotsimVersion); this is \(PilotsimVersion.current): simulate again")
        }
        guard manifest.files.contains("runs.csv"), manifest.files.contains("joint.csv") else {
            throw ResultFileError(manifestPath, "its files are \(manifest.files.joined(separator: ", ")); expected the outputs of run --out or merge")
        }
        guard manifest.provenance.observed == nil else {
            throw ResultFileError(
                manifestPath,
                "the results are conditioned on reported figures (\(manifest.provenance.observed!)); report --from draws plan-time results "
                    + "(run --prior --out, or merge); for a conditioned report run 'pilotsim report --observed'")
        }
        guard ContentDigest.hex(document.text.utf8) == manifest.provenance.scenarioSHA256 else {
            let embedded = manifest.provenance.scenario.hasPrefix(Scenario.baselineFileName + " (")
            throw ResultFileError(
                manifestPath,
                "the results are of the scenario \(manifest.provenance.scenario) (SHA-256 \(manifest.provenance.scenarioSHA256.prefix(12))…), "
                    + "not \(documentName); " + (embedded ? "leave out the scenario argument" : "give that scenario file after --from \(path)"))
        }
        guard Analyses.runRange.contains(manifest.runs) else { throw ResultFileError(manifestPath, "\(manifest.runs) runs; expected 1 to 10,000,000") }
        return manifest
    }
}
