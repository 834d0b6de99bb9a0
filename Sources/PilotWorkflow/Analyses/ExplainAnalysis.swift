import PilotModel
import Simulator

extension Analyses {
    /// `explain`: Monte Carlo filtering of each chosen target — what the runs that meet it share.
    public struct Explain: Analysis {
        public let scenario: Scenario
        /// The targets' indices in the scenario.
        public let targets: [Int]
        public let runs: Int
        /// Conditioned particles to run on, or nil for the plan-time view; set after the targets
        /// are checked, so that a wrong id is answered before the figures are conditioned on.
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
            (self.scenario, self.runs, self.sample) = (scenario, runs, sample)
        }

        public var runCount: Int { sample?.count ?? runs }

        public func run(_ execution: Execution) -> [MonteCarloFiltering] {
            let result = Run(scenario: scenario, runs: runs, keep: [.parameterValues, .targetValues], sample: sample).run(execution)
            return targets.map { MonteCarloFiltering(result, target: $0) }
        }
    }
}
