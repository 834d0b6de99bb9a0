import Foundation
import PilotModel
import PilotReport
import Simulator

extension Analyses {
    /// `explain`: Monte Carlo filtering of each chosen target — what the runs that meet it share;
    /// shardable, its units are the runs, and a part carries its runs' uncertain parameters and
    /// the chosen targets' deciding values.
    public struct Explain: Analysis, ShardableAnalysis {
        public static let command = "explain"

        public struct Inputs: Codable, Equatable {
            /// One target's id, or nil for every target.
            public let target: String?
            public let runs: Int

            public init(target: String?, runs: Int) { (self.target, self.runs) = (target, runs) }
        }

        public let scenario: Scenario
        public let inputs: Inputs
        /// The targets' indices in the scenario.
        public let targets: [Int]
        /// Conditioned particles to run on, or nil for the plan-time view (and shards); set after
        /// the targets are checked, so that a wrong id is answered before the figures are
        /// conditioned on.
        public var sample: ConditionedSample?

        /// - Parameter targetID: one target's id, or nil for every target.
        /// - Throws: `AnalysisError.unknownTarget` for an id the scenario has no target of.
        public init(scenario: Scenario, targetID: String?, runs: Int, sample: ConditionedSample? = nil) throws {
            if let targetID {
                guard let index = scenario.targets.firstIndex(where: { $0.id == targetID }) else {
                    throw AnalysisError.unknownTarget(targetID, known: scenario.targets.map(\.id))
                }
                targets = [index]
            } else {
                targets = Array(scenario.targets.indices)
            }
            (self.scenario, self.inputs, self.sample) = (scenario, Inputs(target: targetID, runs: runs), sample)
        }

        public init(document: ScenarioDocument, overrides: [ScenarioOverride], inputs: Inputs) throws {
            guard Analyses.runRange.contains(inputs.runs) else { throw AnalysisError.inputs("1 to 10,000,000 runs") }
            try self.init(scenario: try document.scenario(overrides: overrides), targetID: inputs.target, runs: inputs.runs)
        }

        public var runs: Int { inputs.runs }
        public var runCount: Int { sample?.count ?? runs }
        public var units: Int { runs }

        public func run(_ execution: Execution) -> [MonteCarloFiltering] {
            let result = Run(scenario: scenario, runs: runs, keep: [.parameterValues, .targetValues], sample: sample).run(execution)
            return targets.map { MonteCarloFiltering(result, target: $0) }
        }

        /// A shard's runs: each run's uncertain parameters, and the chosen targets' deciding values.
        public struct Partial: Codable {
            /// Run-major: a run's value of each of the scenario's uncertain parameters, in order.
            public let parameterValues: [Double]
            /// Per chosen target: its value in each run.
            public let targetValues: [[Double]]
        }

        public func evaluate(_ units: Range<Int>, _ execution: Execution) -> Partial {
            let result = MonteCarlo(scenario: scenario, seed: execution.seed, threads: execution.threads, keep: [.parameterValues, .targetValues])
                .run(indices: units, progress: execution.progress, eachBlock: { _ in })
            return Partial(parameterValues: result.parameterValues, targetValues: targets.map { result.targetValues[$0] })
        }

        public func damage(in partial: Partial, units: Range<Int>, seed: UInt64) -> String? {
            let width = scenario.uncertainParameters.count
            guard partial.parameterValues.count == units.count * width else {
                return "\(partial.parameterValues.count) parameter values; expected \(units.count * width) (\(units.count) runs × \(width) parameters)"
            }
            guard partial.targetValues.count == targets.count, partial.targetValues.allSatisfy({ $0.count == units.count }) else {
                return "the target values are not one for each of \(units.count) runs of \(targets.count) targets"
            }
            guard partial.parameterValues.allSatisfy(\.isFinite), partial.targetValues.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
                return "values no run gives"
            }
            return nil
        }

        public func merged(_ partials: [Partial], _ execution: Execution) -> MergedAnalysis {
            let parameterValues = Array(partials.map(\.parameterValues).joined())
            let filterings = targets.indices.map { k in
                MonteCarloFiltering(
                    scenario: scenario, uncertainParameters: scenario.uncertainParameters, parameterValues: parameterValues,
                    targetValues: Array(partials.map { $0.targetValues[k] }.joined()), target: targets[k])
            }
            return MergedAnalysis(fileName: "explain.csv", csv: ExplainReport.csv(filterings), workbook: nil)
        }
    }
}
