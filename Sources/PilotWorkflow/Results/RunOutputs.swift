import Foundation
import PilotModel
import PilotReport
import Simulator

/// The outputs of `run --out` and of merged run parts: summary.csv, joint.csv, stages.csv,
/// monthly.csv, runs.csv (streamed as the runs come) and manifest.json, written as one
/// transaction. `ResultDirectory` reads them back.
public enum RunOutputs {
    public static let runsFile = "runs.csv"

    /// `analysis` run with runs.csv streamed into `directory` as the blocks come, in run order,
    /// keeping nothing of it; the runs file is written with the others by `write`.
    public static func run(_ analysis: Analyses.Run, _ execution: Execution, into directory: String) throws -> (SimulationResult, StreamedFile) {
        let file = try StreamedFile(directory: directory, name: runsFile)
        try file.write(RunsCSV.header(analysis.scenario, parameters: analysis.scenario.uncertainParameters))
        let result = try analysis.run(execution) { block in try file.write(RunsCSV.rows(block, threads: execution.threads)) }
        try file.close()
        return (result, file)
    }

    /// Writes the tables of `result`, the streamed `runs` file and the manifest of `provenance`
    /// (with the shards' command lines, for merged parts) into `directory`, all or nothing.
    public static func write(
        _ result: SimulationResult, runs: StreamedFile, provenance: Provenance, shardCommandLines: [String]? = nil, to directory: String
    ) throws {
        let tables = [
            ("summary.csv", SummaryCSV.render(result.summary)),
            ("joint.csv", JointCSV.render(result.summary)),
            ("stages.csv", StagesCSV.render(result.summary)),
            ("monthly.csv", MonthlyCSV.render(result.monthly)),
        ]
        var files = OutputFiles(directory: directory, files: tables)
        files.add(runs)
        var manifest = Manifest(provenance: provenance, runs: result.runs, files: tables.map(\.0) + [runsFile])
        manifest.shardCommandLines = shardCommandLines
        files.add(directory: directory, files: [("manifest.json", try manifest.json())])
        try files.write()
    }
}
