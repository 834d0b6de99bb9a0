import Foundation
import PilotModel
import PilotReport
import Simulator

extension Analyses {
    /// `sweep`: P(met) of every target at each point of a line or grid of values; shardable, its
    /// units are the points, and a part carries its points' rows of the long CSV.
    public struct Sweep: Analysis, ShardableAnalysis {
        public static let command = "sweep"

        public let sweep: Simulator.Sweep
        /// Runs at each point; the particles' count when `sample` is given.
        public let runs: Int
        /// The axes as the command line gave them (`--vary` arguments), recorded in part headers.
        public let axisArguments: [String]
        /// Conditioned particles every point runs on, or nil for the plan-time view (and shards).
        public let sample: ConditionedSample?

        public init(sweep: Simulator.Sweep, runs: Int, axisArguments: [String], sample: ConditionedSample? = nil) {
            (self.sweep, self.runs, self.axisArguments, self.sample) = (sweep, runs, axisArguments, sample)
        }

        /// The runs at each point.
        public var runCount: Int { sample?.count ?? runs }

        /// Each point's summary, in point order; progress counts points.
        /// - Throws: `ConditionedSample.Refusal` when a point changes what the figures fix.
        public func run(_ execution: Execution) throws -> [SimulationSummary] {
            if let sample { try sweep.check(against: sample) }
            let total = units
            return sweep.run(seed: execution.seed, runs: runs, threads: execution.threads, sample: sample) { execution.progress($0, total) }
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
}
