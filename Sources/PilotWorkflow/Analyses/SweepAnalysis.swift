import Foundation
import PilotModel
import PilotReport
import Simulator

extension Analyses {
    /// `sweep`: P(met) of every target at each point of a line or grid of values; shardable, its
    /// units are the points, and a part carries its points' rows of the long CSV.
    public struct Sweep: Analysis, ShardableAnalysis {
        public static let command = "sweep"

        public struct Inputs: Codable, Equatable {
            /// The axes, with the scenario's own spelling of each path.
            public let axes: [SweepAxis]
            /// Runs at each point.
            public let runs: Int

            public init(axes: [SweepAxis], runs: Int) { (self.axes, self.runs) = (axes, runs) }
        }

        public let sweep: Simulator.Sweep
        /// Runs at each point; the particles' count when `sample` is given.
        public let runs: Int
        /// Conditioned particles every point runs on, or nil for the plan-time view (and shards).
        public let sample: ConditionedSample?

        public init(sweep: Simulator.Sweep, runs: Int, sample: ConditionedSample? = nil) {
            (self.sweep, self.runs, self.sample) = (sweep, runs, sample)
        }

        public init(document: ScenarioDocument, overrides: [ScenarioOverride], inputs: Inputs) throws {
            let points = inputs.axes.reduce(1) { $0 * min($1.values.count, Simulator.Sweep.maximumPoints + 1) }
            guard (1...2).contains(inputs.axes.count), inputs.axes.allSatisfy({ $0.values.allSatisfy(\.isFinite) }),
                (1...Simulator.Sweep.maximumPoints).contains(points), Analyses.runRange.contains(inputs.runs)
            else {
                throw AnalysisError.inputs("1 or 2 axes of finite values, at most \(Simulator.Sweep.maximumPoints) points, and 1 to 10,000,000 runs")
            }
            self.init(sweep: try Simulator.Sweep(document: document, overrides: overrides, axes: inputs.axes), runs: inputs.runs)
        }

        public var inputs: Inputs { Inputs(axes: sweep.axes, runs: runs) }
        public var units: Int { sweep.points.count }

        /// The runs at each point.
        public var runCount: Int { sample?.count ?? runs }

        /// Each point's summary, in point order; progress counts points.
        /// - Throws: `ConditionedSample.Refusal` when a point changes what the figures fix.
        public func run(_ execution: Execution) throws -> [SimulationSummary] {
            if let sample { try sweep.check(against: sample) }
            let total = units
            return sweep.run(seed: execution.seed, runs: runs, threads: execution.threads, sample: sample) { execution.progress($0, total) }
        }

        /// A shard's points' rows of the long CSV.
        public func evaluate(_ units: Range<Int>, _ execution: Execution) -> [SweepReport.Row] {
            SweepReport.rows(sweep.run(seed: execution.seed, runs: runs, threads: execution.threads, points: units), firstPoint: units.lowerBound)
        }

        public func damage(in rows: [SweepReport.Row], units: Range<Int>, seed: UInt64) -> String? {
            let targets = sweep.base.targets
            guard rows.count == units.count * targets.count else {
                return "\(rows.count) rows; expected \(units.count * targets.count) (\(units.count) points × \(targets.count) targets)"
            }
            for (k, row) in rows.enumerated() {
                guard row.point == units.lowerBound + k / targets.count, row.targetID == targets[k % targets.count].id else {
                    return "row \(k + 1) is not point \(units.lowerBound + k / targets.count), target \(targets[k % targets.count].id)"
                }
                guard (0...1).contains(row.low), (0...1).contains(row.high), row.low <= row.probability, row.probability <= row.high,
                    row.p05 <= row.median, row.median <= row.p95, row.p05.isFinite, row.p95.isFinite
                else { return "row \(k + 1) has numbers no sweep writes" }
            }
            return nil
        }

        public func merged(_ partials: [[SweepReport.Row]], _ execution: Execution) -> MergedAnalysis {
            let rows = Array(partials.joined())
            return MergedAnalysis(fileName: "sweep.csv", csv: SweepReport.csv(sweep, rows: rows)) { provenance, labels, _ in
                try ExcelReport.sweep(sweep, rows: rows, provenance: provenance, labels: labels)
            }
        }
    }
}
