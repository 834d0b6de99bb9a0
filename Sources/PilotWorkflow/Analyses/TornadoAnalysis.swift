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

        public struct Inputs: Codable, Equatable {
            /// The quantiles each parameter is pinned at.
            public let low: Double, high: Double
            /// Runs of each simulation.
            public let runs: Int

            public init(low: Double, high: Double, runs: Int) { (self.low, self.high, self.runs) = (low, high, runs) }
        }

        public init(document: ScenarioDocument, overrides: [ScenarioOverride], inputs: Inputs) throws {
            guard 0 < inputs.low, inputs.low < inputs.high, inputs.high < 1, Analyses.runRange.contains(inputs.runs) else {
                throw AnalysisError.inputs("quantiles 0 < low < high < 1 and 1 to 10,000,000 runs")
            }
            self.init(
                tornado: Simulator.Tornado(scenario: try document.scenario(overrides: overrides), low: inputs.low, high: inputs.high), runs: inputs.runs)
        }

        /// The runs of each simulation.
        public var runCount: Int { tornado.sample?.count ?? runs }

        /// P(met) of each target with nothing pinned, and each target's bars sorted by swing;
        /// progress counts simulations (two a parameter).
        public func run(_ execution: Execution) -> (baseline: SimulationSummary, bars: [[Simulator.Tornado.Bar]]) {
            let total = 2 * units
            return tornado.run(seed: execution.seed, runs: runs, threads: execution.threads) { execution.progress($0, total) }
        }

        public var inputs: Inputs { Inputs(low: tornado.low, high: tornado.high, runs: runs) }
        public var units: Int { tornado.parameters.count }

        /// The bars of a shard's parameters, target by target, in parameter order.
        public func evaluate(_ units: Range<Int>, _ execution: Execution) -> [[Simulator.Tornado.Bar]] {
            tornado.bars(of: units, seed: execution.seed, runs: runs, threads: execution.threads)
        }

        public func damage(in bars: [[Simulator.Tornado.Bar]], units: Range<Int>, seed: UInt64) -> String? {
            let expected = tornado.parameters[units].map { tornado.scenario.parameters[$0].keyPath }
            guard bars.count == tornado.scenario.targets.count else { return "\(bars.count) targets; expected \(tornado.scenario.targets.count)" }
            for targetBars in bars {
                guard targetBars.map(\.parameter) == expected else { return "the bars are not one for each of the shard's parameters, in order" }
                for bar in targetBars {
                    guard (0...1).contains(bar.lowProbability), (0...1).contains(bar.highProbability), bar.lowValue.isFinite, bar.highValue.isFinite,
                        (0...1).contains(bar.swingStandardError)
                    else { return "the bar of \(bar.parameter) has numbers no tornado writes" }
                }
            }
            return nil
        }

        public func merged(_ partials: [[[Simulator.Tornado.Bar]]], _ execution: Execution) -> MergedAnalysis {
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
