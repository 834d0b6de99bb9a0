import PilotModel
import Simulator

extension Analyses {
    /// `compare`: two plans with the same seed and run indices, and the paired difference of each
    /// target's P(met).
    public struct Compare: Analysis {
        public let a: Scenario, b: Scenario
        /// Runs of each plan; the particles' count when `sample` is given.
        public let runs: Int
        /// A's conditioned particles, on which both plans run (B may change only what acts after
        /// the last reported month), or nil for the plan-time view.
        public let sample: ConditionedSample?

        public init(a: Scenario, b: Scenario, runs: Int, sample: ConditionedSample? = nil) {
            (self.a, self.b, self.runs, self.sample) = (a, b, runs, sample)
        }

        /// The runs each plan has.
        public var runCount: Int { sample?.count ?? runs }

        /// - Throws: `ConditionedSample.Refusal` when B changes what the figures fix.
        public func run(_ execution: Execution) throws -> Comparison {
            if let sample { try sample.check(b) }
            let total = runCount
            // Progress counts both plans' runs: A's, then B's.
            let resultA = Run(scenario: a, runs: runs, keep: .targetValues, sample: sample)
                .run(Execution(seed: execution.seed, threads: execution.threads) { done, all in execution.progress(done * total / all, 2 * total) })
            let resultB = Run(scenario: b, runs: runs, keep: .targetValues, sample: sample)
                .run(Execution(seed: execution.seed, threads: execution.threads) { done, all in execution.progress(total + done * total / all, 2 * total) })
            return Comparison(a: resultA, b: resultB)
        }
    }
}
