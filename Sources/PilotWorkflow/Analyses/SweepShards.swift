import Foundation
import PilotModel
import PilotReport
import Simulator

/// A sweep as a shardable analysis: its units are the points; a part carries its points' rows
/// of the long CSV.
public struct SweepShards: ShardableAnalysis {
    public static let command = "sweep"
    public let sweep: Sweep
    /// Runs at each point.
    public let runs: Int
    /// The axes as the command line gave them (`--vary` arguments), recorded in part headers.
    public let axisArguments: [String]

    public init(sweep: Sweep, runs: Int, axisArguments: [String]) {
        (self.sweep, self.runs, self.axisArguments) = (sweep, runs, axisArguments)
    }

    public var arguments: [String] { axisArguments.map { "--vary " + $0 } + ["--runs \(runs)"] }
    public var units: Int { sweep.points.count }

    /// A shard's points: their rows of the long CSV, as text (without the header line) and as numbers.
    public struct Part {
        public let text: String
        public let rows: [SweepReport.Row]
    }

    public func evaluate(_ units: Range<Int>, seed: UInt64, threads: Int) -> Part {
        let summaries = sweep.run(seed: seed, runs: runs, threads: threads, points: units)
        let header = SweepReport.csv(sweep, [])
        return Part(
            text: String(SweepReport.csv(sweep, summaries, firstPoint: units.lowerBound).dropFirst(header.count)),
            rows: SweepReport.rows(summaries, firstPoint: units.lowerBound))
    }

    public func payload(_ partial: Part, units: Range<Int>) throws -> String {
        SweepReport.csv(sweep, []) + partial.text
    }

    public func partial(of part: PartFile.Reader) throws -> Part {
        let (text, rows) = try PartPayloads.sweepRows(part, sweep: sweep)
        return Part(text: text, rows: rows)
    }

    public func merged(_ partials: [Part], seed: UInt64) -> MergedAnalysis {
        // The long CSV of every point: the header line, then each part's rows in order.
        MergedAnalysis(fileName: "sweep.csv", csv: SweepReport.csv(sweep, []) + partials.map(\.text).joined()) { provenance, labels, _ in
            try ExcelReport.sweep(sweep, rows: partials.flatMap(\.rows), provenance: provenance, labels: labels)
        }
    }
}
