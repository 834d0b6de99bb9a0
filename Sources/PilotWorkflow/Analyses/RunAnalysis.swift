import PilotModel
import Simulator

extension Analyses {
    /// `run`: the runs of a scenario (or of conditioned particles), and what they say of each target.
    public struct Run: Analysis {
        public let scenario: Scenario
        /// Runs; the particles' count when `sample` is given.
        public let runs: Int
        /// What the result keeps besides the summary.
        public let keep: MonteCarlo.Keep
        /// With `.monthlyQuantiles`: the metrics whose monthly quantiles it keeps (all when nil).
        public var monthlyMetrics: Set<Metric>?
        /// Another plan's result with the same seed whose parameter values are taken where they
        /// are drawn alike (`MonteCarlo.knownDraws`): the same result, sooner.
        public var knownDraws: SimulationResult?
        /// Conditioned particles to run on, or nil for the plan-time view.
        public let sample: ConditionedSample?

        public init(scenario: Scenario, runs: Int, keep: MonteCarlo.Keep, sample: ConditionedSample? = nil) {
            (self.scenario, self.runs, self.keep, self.sample) = (scenario, runs, keep, sample)
        }

        var engine: (Execution) -> MonteCarlo {
            { execution in
                var engine = MonteCarlo(scenario: scenario, seed: execution.seed, threads: execution.threads, keep: keep)
                engine.sample = sample
                engine.monthlyMetrics = monthlyMetrics
                engine.knownDraws = knownDraws
                return engine
            }
        }

        public func run(_ execution: Execution) -> SimulationResult {
            engine(execution).run(runs: sample?.count ?? runs, progress: execution.progress)
        }

        /// The same result, handing every block of runs to `eachBlock` in run order as it comes
        /// (for a runs file written while the simulation goes).
        public func run<E: Error>(_ execution: Execution, eachBlock: @escaping (RunBlock) throws(E) -> Void) throws(E) -> SimulationResult {
            try engine(execution).run(indices: 0..<(sample?.count ?? runs), progress: execution.progress, eachBlock: eachBlock)
        }

        /// Runs in growing batches until every target's 95% half-width is at most `precision`, or
        /// `maxRuns` is reached (`MonteCarlo.run(precision:maxRuns:)`), keeping nothing but the
        /// summary; with whether the precision was reached.
        public func run(precision: Double, maxRuns: Int, _ execution: Execution) -> (result: SimulationResult, reached: Bool) {
            var probing = engine(execution)
            probing.keep = []
            return probing.run(precision: precision, maxRuns: maxRuns)
        }
    }
}
