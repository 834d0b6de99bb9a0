import Foundation
import PilotModel
import PilotReport
import Simulator

extension Analyses {
    /// `condition`: the scenario conditioned on reported figures by tempered SMC, in independent
    /// populations whose spread is the Monte Carlo error; shardable, its units are the
    /// populations, and a part carries its populations' tempered particles (the merge does the
    /// rest: the final simulation, the checks, the measured errors).
    public struct Condition: Analysis, ShardableAnalysis {
        public static let command = "condition"

        /// The particles a conditioning takes: below 100 its populations say nothing; 100,000 (4
        /// populations of 25,000) finish in minutes on 2 cores (README, "Conditioning on reported
        /// figures").
        public static let particleRange = 100...100_000

        /// The independent populations a conditioning takes.
        public static let chainRange = 1...16

        /// The particles a front end conditions with when not told: 4 populations of 750 keep the
        /// embedded baseline's conditioned `run` under 10 s on 2 cores.
        public static let defaultParticles = 3_000

        public struct Inputs: Codable, Equatable {
            public let particles: Int
            public let chains: Int
            /// The figures' file, or nil for the scenario's own `observed:` section.
            public let observed: CarriedFile?
        }

        public let scenario: Scenario
        public let figures: ReportedFigures
        public let particles: Int
        public let chains: Int

        /// - Throws: `AnalysisError.particlesOutOfRange` outside `particleRange`,
        ///   `AnalysisError.inputs` for chains outside `chainRange`.
        public init(scenario: Scenario, figures: ReportedFigures, particles: Int, chains: Int = Conditioning.defaultChains) throws {
            guard Self.particleRange.contains(particles) else { throw AnalysisError.particlesOutOfRange(particles) }
            guard Self.chainRange.contains(chains) else { throw AnalysisError.inputs("1 to 16 populations") }
            (self.scenario, self.figures, self.particles, self.chains) = (scenario, figures, particles, chains)
        }

        /// - Throws: `ScenarioValidationError` for figures the scenario cannot take, located in
        ///   their file; `AnalysisError` for particles or chains out of range, or no figures.
        public init(document: ScenarioDocument, overrides: [ScenarioOverride], inputs: Inputs) throws {
            let scenario = try document.scenario(overrides: overrides)
            let figures =
                try inputs.observed.map { try ReportedFigures(fileText: $0.text, file: $0.name, scenario: scenario) }
                ?? ReportedFigures(sectionOf: scenario)
            guard let figures else { throw AnalysisError.inputs("reported figures: a file of them, or the scenario's observed: section") }
            try self.init(scenario: scenario, figures: figures, particles: inputs.particles, chains: inputs.chains)
        }

        public var inputs: Inputs {
            Inputs(particles: particles, chains: chains, observed: figures.fileText.map { CarriedFile(name: figures.source, text: $0) })
        }

        public var units: Int { chains }

        private func conditioning(_ execution: Execution) -> Conditioning {
            Conditioning(
                scenario: scenario, observations: figures.observations, particles: particles, chains: chains, seed: execution.seed,
                threads: execution.threads)
        }

        /// The conditioned forecast; progress counts percent of the sampler's work.
        public func run(_ execution: Execution) -> Conditioning.Result {
            conditioning(execution).run { execution.progress(Int($0 * 100), 100) }
        }

        /// A shard's populations, tempered as in one process.
        public func evaluate(_ units: Range<Int>, _ execution: Execution) -> [ConditionedPopulation] {
            let conditioning = conditioning(execution)
            return units.map { chain in
                conditioning.population(chain) { execution.progress(Int((Double(chain - units.lowerBound) + $0) * 100), 100 * units.count) }
            }
        }

        public func damage(in populations: [ConditionedPopulation], units: Range<Int>, seed: UInt64) -> String? {
            conditioning(Execution(seed: seed, threads: 1)).damage(in: populations, chains: units)
        }

        public func merged(_ partials: [[ConditionedPopulation]], _ execution: Execution) -> MergedAnalysis {
            let result = conditioning(execution).result(of: Array(partials.joined()))
            return MergedAnalysis(
                files: ConditionedOutputs.files(result), observed: figures.provenance, runs: result.posterior.runs,
                warnings: ConditionReport(result).warnings
            ) { provenance, labels, _ in
                try ExcelReport.data(summary: result.summary, monthly: result.posterior.monthly, scenario: scenario, provenance: provenance, labels: labels)
            }
        }
    }
}
