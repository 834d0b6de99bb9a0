import Foundation
import PilotModel
import PilotReport
import Simulator

/// Runs sharded and merged in their own part format: a part of runs holds every month of every
/// run, too big to be one value, so it is written record by record as the blocks are simulated
/// and read back block by block (`PartFile`), not through `ShardableAnalysis`.
extension Analyses.Run {
    /// The command run parts name.
    public static let command = "run"

    /// Simulates shard `shard` of `shards` of the runs (plan-time: no conditioned sample) and
    /// writes its part file into `directory`, record by record as the blocks come.
    public func writePart(shard: Int, of shards: Int, _ execution: Execution, origin: PartOrigin, into directory: String) throws {
        let engine = MonteCarlo(scenario: scenario, seed: execution.seed, threads: execution.threads, keep: [])
        let indices = PartFile.runs(shard: shard, of: shards, total: runs)
        let record = PartFile.record(scenario)
        let header = PartFile.header(
            command: Self.command, commandLine: origin.commandLine, scenario: origin.scenario, scenarioText: origin.scenarioText,
            overrides: origin.overrides, seed: execution.seed, total: runs, shard: shard, of: shards, units: indices, record: record)
        let file = try StreamedFile(directory: directory, name: PartFile.name(shard: shard, of: shards))
        try file.write(PartFile.start(header))
        try engine.forEachBlock(indices: indices, record: record, progress: execution.progress) { try PartFile.write($0, to: file) }
        try file.write(PartFile.end)
        try file.close()
        var files = OutputFiles()
        files.add(file)
        try files.write()
    }

    /// Joins run parts (shards 1…N of one run, in order, checked to belong together) of
    /// `scenario`: their blocks go through the collection loop a simulation's blocks go through
    /// (`RunCollector.collect`), and runs.csv is streamed into `directory` as they come; the
    /// parts are read a second time when the exact quantiles need it. The runs file is part of
    /// the outputs still to be written (`RunOutputs.write`).
    public static func merge(
        _ ordered: [PartFile.Reader], scenario: Scenario, threads: Int, into directory: String
    ) throws -> (result: SimulationResult, runsFile: StreamedFile) {
        let header = ordered[0].header
        let collector = RunCollector(scenario: scenario, rows: header.totalRuns, keep: .monthlyQuantiles, threads: threads, recordsParameters: true)
        let block = RunBlock(record: collector.record, capacity: MonteCarlo.blockRuns)
        let runsFile = try StreamedFile(directory: directory, name: RunOutputs.runsFile)
        try runsFile.write(RunsCSV.header(scenario, parameters: collector.record.parameters))
        let result = try collector.collect(seed: header.seed, progress: nil) { block throws(any Error) in
            try runsFile.write(RunsCSV.rows(block, threads: threads))
        } source: { body throws(any Error) in
            for part in ordered { try part.forEachBlock(block, scenario: scenario, body) }
        }
        try runsFile.close()
        return (result, runsFile)
    }
}
