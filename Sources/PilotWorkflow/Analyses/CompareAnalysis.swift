import PilotModel
import Simulator

extension Analyses {
    /// `compare`: two plans with the same seed and run indices, and the paired difference of each
    /// target's P(met).
    public struct Compare: Analysis {
        /// Runs of each plan when a front end is not told (the command line's `compare`, the desk).
        public static let defaultRuns = 10_000

        public let a: Scenario, b: Scenario
        /// Runs of each plan; the particles' count when `sample` is given.
        public let runs: Int
        /// A's conditioned particles, on which both plans run (B may change only what acts after
        /// the last reported month), or nil for the plan-time view.
        public let sample: ConditionedSample?
        /// What each plan's result keeps besides the summary (each run's target values always:
        /// the comparison pairs them); a page that also draws B's fan charts keeps its months.
        public var keep: MonteCarlo.Keep = .targetValues

        public init(a: Scenario, b: Scenario, runs: Int, sample: ConditionedSample? = nil) {
            (self.a, self.b, self.runs, self.sample) = (a, b, runs, sample)
        }

        /// The runs each plan has.
        public var runCount: Int { sample?.count ?? runs }

        /// - Throws: `ConditionedSample.Refusal` when B changes what the figures fix.
        public func run(_ execution: Execution) throws -> Comparison {
            try results(execution).comparison
        }

        /// Both plans' results and their comparison.
        /// - Throws: `ConditionedSample.Refusal` when B changes what the figures fix.
        public func results(_ execution: Execution) throws -> (a: SimulationResult, b: SimulationResult, comparison: Comparison) {
            if let sample { try sample.check(b) }
            let total = runCount
            let keep = self.keep.union(.targetValues)
            // Progress counts both plans' runs: A's, then B's.
            let resultA = Run(scenario: a, runs: runs, keep: keep, sample: sample)
                .run(Execution(seed: execution.seed, threads: execution.threads) { done, all in execution.progress(done * total / all, 2 * total) })
            let resultB = Run(scenario: b, runs: runs, keep: keep, sample: sample)
                .run(Execution(seed: execution.seed, threads: execution.threads) { done, all in execution.progress(total + done * total / all, 2 * total) })
            return (resultA, resultB, Comparison(a: resultA, b: resultB))
        }
    }
}
