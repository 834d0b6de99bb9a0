import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

/// What `condition`, and `run` with reported figures, print and write.
struct ConditionedOutput {
    let result: Conditioning.Result
    let figures: ReportedFigures
    let scenario: ScenarioOptions
    let scenarioText: String
    let labels: Labels

    /// Writes the files into `out` as one transaction: summary.csv and monthly.csv (conditioned),
    /// posterior.csv, particles.csv, observations.csv, diagnostics.csv, chains.csv, manifest.json.
    func write(to out: String) throws {
        var files = ConditionedOutputs.files(result)
        let manifest = Manifest(
            provenance: try scenario.provenance(seed: result.posterior.seed, figures: figures), runs: result.posterior.runs, files: files.map(\.0))
        files.append(("manifest.json", try manifest.json()))
        try OutputFiles(directory: out, files: files).write()
    }

    /// The printed output in `format`; `--format csv` prints summary.csv for `run` (as a plain run
    /// does) and the prior-and-conditioned targets table for `condition`.
    func render(_ format: Pilotsim.Run.Format, scenario loaded: Scenario, csvIsSummary: Bool) throws -> String {
        let report = ConditionReport(result)
        switch format {
        case .table:
            return report.table(
                source: scenario.describedSource(labels), figures: figures.description(labels), labels: labels,
                style: .standardOutput(isTerminal: Console.writesToTerminal, environment: ProcessInfo.processInfo.environment))
        case .csv: return csvIsSummary ? SummaryCSV.render(report.posteriorSummary) : report.targetsCSV()
        case .json:
            return try report.json(
                scenario: loaded.name.neutral, observed: (figures.source, figures.sha256),
                provenance: try scenario.provenance(seed: report.result.posterior.seed, figures: figures))
        }
    }

    /// Everything a conditioned command delivers: the files into `out` (if given), the workbook
    /// (with `--xlsx`), and what it prints in `format`.
    func deliver(out: String?, workbook: WorkbookOption, format: Pilotsim.Run.Format, scenario loaded: Scenario, csvIsSummary: Bool) throws {
        if let out { try write(to: out) }
        try workbook.write(
            summary: result.summary, monthly: result.posterior.monthly, scenario: loaded,
            provenance: try scenario.provenance(seed: result.posterior.seed, figures: figures), labels: labels)
        Console.write(try render(format, scenario: loaded, csvIsSummary: csvIsSummary))
    }
}
