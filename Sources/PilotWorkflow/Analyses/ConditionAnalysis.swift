import PilotModel
import Simulator

extension Analyses {
    /// `condition`: the scenario conditioned on reported figures by tempered SMC, in independent
    /// populations whose spread is the Monte Carlo error.
    public struct Condition: Analysis {
        /// The particles a conditioning takes: below 100 its populations say nothing; 100,000 (4
        /// populations of 25,000) finish in minutes on 2 cores (README, "Conditioning on reported
        /// figures").
        public static let particleRange = 100...100_000

        /// The particles a front end conditions with when not told: 4 populations of 750 keep the
        /// embedded baseline's conditioned `run` under 10 s on 2 cores.
        public static let defaultParticles = 3_000

        public let scenario: Scenario
        public let figures: ReportedFigures
        public let particles: Int
        public let chains: Int

        /// - Throws: `AnalysisError.particlesOutOfRange` outside `particleRange`.
        public init(scenario: Scenario, figures: ReportedFigures, particles: Int, chains: Int = Conditioning.defaultChains) throws {
            guard Self.particleRange.contains(particles) else { throw AnalysisError.particlesOutOfRange(particles) }
            (self.scenario, self.figures, self.particles, self.chains) = (scenario, figures, particles, chains)
        }

        /// The conditioned forecast; progress counts percent of the sampler's work.
        public func run(_ execution: Execution) -> Conditioning.Result {
            Conditioning(
                scenario: scenario, observations: figures.observations, particles: particles, chains: chains,
                seed: execution.seed, threads: execution.threads
            ).run { execution.progress(Int($0 * 100), 100) }
        }
    }
}
