import Foundation
import PilotModel
import PilotReport
import Simulator

extension Analyses {
    /// `tornado`: each uncertain parameter pinned at a low and a high quantile; shardable, its units
    /// are the parameters, and a part carries each target's bars of its parameters, in parameter order.
    public struct Tornado: Analysis, ShardableAnalysis {
        public static let command = "tornado"

        public let tornado: Simulator.Tornado
        /// Runs of each simulation (a parameter pinned low or high, or nothing pinned); the
        /// particles' count when the tornado runs on conditioned particles.
        public let runs: Int

        public init(tornado: Simulator.Tornado, runs: Int) {
            (self.tornado, self.runs) = (tornado, runs)
        }

        /// The runs of each simulation.
        public var runCount: Int { tornado.sample?.count ?? runs }

        /// P(met) of each target with nothing pinned, and each target's bars sorted by swing;
        /// progress counts simulations (two a parameter).
        public func run(_ execution: Execution) -> (baseline: SimulationSummary, bars: [[Simulator.Tornado.Bar]]) {
            let total = 2 * units
            return tornado.run(seed: execution.seed, runs: runs, threads: execution.threads) { execution.progress($0, total) }
        }

        public var arguments: [String] { ["--low \(tornado.low)", "--high \(tornado.high)", "--runs \(runs)"] }
        public var units: Int { tornado.parameters.count }

        public func evaluate(_ units: Range<Int>, seed: UInt64, threads: Int) -> [[Simulator.Tornado.Bar]] {
            tornado.bars(of: units, seed: seed, runs: runs, threads: threads)
        }

        public func payload(_ partial: [[Simulator.Tornado.Bar]], units: Range<Int>) throws -> String {
            // Keys sorted, so that the same shard writes the same bytes in every process.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(partial), as: UTF8.self)
        }

        public func partial(of part: PartFile.Reader) throws -> [[Simulator.Tornado.Bar]] {
            try PartPayloads.tornadoBars(part, tornado: tornado)
        }

        public func merged(_ partials: [[[Simulator.Tornado.Bar]]], seed: UInt64) -> MergedAnalysis {
            // Every parameter's bars, in parameter order, sorted by swing as one process sorts them.
            var bars = [[Simulator.Tornado.Bar]](repeating: [], count: tornado.scenario.targets.count)
            for partial in partials {
                for (j, shardBars) in partial.enumerated() { bars[j] += shardBars }
            }
            let sorted = Simulator.Tornado.sorted(bars)
            return MergedAnalysis(fileName: "tornado.csv", csv: TornadoReport.csv(tornado.scenario, sorted)) { provenance, labels, top in
                try ExcelReport.tornado(sorted, scenario: tornado.scenario, top: top, provenance: provenance, labels: labels)
            }
        }
    }
}
