import PilotModel
import Simulator

extension Analyses {
    /// `solve`: the value of one scenario number at which a target's P(met) reaches a probability.
    public struct Solve: Analysis {
        /// Runs at each value tried when a front end is not told (the command line's `solve`, the desk).
        public static let defaultRuns = 4000

        public let solver: Solver
        /// Runs at each value tried; the particles' count when `sample` is given.
        public let runs: Int
        public let sample: ConditionedSample?

        public init(solver: Solver, runs: Int, sample: ConditionedSample? = nil) {
            (self.solver, self.runs, self.sample) = (solver, runs, sample)
        }

        /// The runs at each value tried.
        public var runCount: Int { sample?.count ?? runs }

        /// The outcome, and the runs spent over every value tried.
        /// - Throws: `ConditionedSample.Refusal` when the number acts on months the figures fix.
        public func run(_ execution: Execution) throws -> (outcome: Solver.Outcome, runsSpent: Int) {
            let (outcome, spent) = try solver.run(seed: execution.seed, runs: runs, threads: execution.threads, sample: sample)
            return (outcome, spent)
        }
    }
}
