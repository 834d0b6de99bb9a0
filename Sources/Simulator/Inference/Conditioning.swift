import Foundation
import PilotModel

/// The forecast conditioned on reported figures, by likelihood-tempered sequential Monte Carlo
/// (Del Moral, Doucet & Jasra, "Sequential Monte Carlo samplers", JRSS B 68, 2006; adaptive
/// tempering as in Jasra et al. 2011), run as `chains` independent populations so that its Monte
/// Carlo error can be measured rather than assumed.
///
/// A particle is one whole run: its uncertain parameters and its process noise. The parameters
/// live in the Gaussian-copula space of the prior: independent standard normals ε, turned into
/// correlated normal scores z = Lε (L the Cholesky factor of the scenario's normal-score
/// correlation matrix) and then into values through each parameter's quantile function,
/// value = F⁻¹(Φ(z)). The noise the figures can see is one key per month through the last
/// reported month (`RunNoise`), for the streams that feed a reported metric.
///
/// The likelihood of a figure y with relative reporting error r, given a run's simulated value x, is
/// lognormal: log(1 + y) ~ N(log(1 + x), log(1 + r²)) (the 1 + keeps a zero count finite). Each
/// population raises the likelihood to a temperature φ going from 0 to 1, each step chosen so that
/// the ESS of the reweighted particles is N/2; resamples systematically; and moves each particle by
/// Metropolis–Hastings sweeps (`SMCPopulation.move`) until nine in ten have moved.
///
/// At the end every particle is simulated once over the whole calendar (`ConditionedSample`) with
/// its month keys for the reported months and noise of its own for everything else — every later
/// month, and every stream that feeds no reported metric — and with fresh prior draws of the
/// parameters no figure can inform: copies left by resampling share only what the figures tell
/// about them. Replicated
/// reports (fresh noise plus the reporting error) check the fit (`ObservationCheck`).
///
/// Every random choice comes from streams keyed by the seed, the particle and the step, and every
/// sum over particles is taken in particle order: the result is the same to the bit for any thread
/// count.
public struct Conditioning: Sendable {
    public let scenario: Scenario
    public let observations: [Observation]
    /// Particles in all, split evenly over the chains.
    public let particles: Int
    public let chains: Int
    public let seed: UInt64
    public let threads: Int

    /// The most tempering steps before the sampler stops and reports the temperature reached.
    public static let maximumIterations = 100
    /// The most Metropolis–Hastings sweeps a tempering step makes: a guard, reported when reached.
    public static let maximumSweeps = 40
    /// The default number of independent populations.
    public static let defaultChains = 4
    /// Below this share of accepted moves at the last step, the sample is flagged.
    public static let lowAcceptance = 0.05

    public init(
        scenario: Scenario, observations: [Observation], particles: Int, chains: Int = Conditioning.defaultChains,
        seed: UInt64, threads: Int
    ) {
        self.scenario = scenario
        self.observations = observations
        self.particles = particles
        self.chains = max(1, min(chains, particles))
        self.seed = seed
        self.threads = max(1, threads)
    }

    /// One tempering step of one population.
    public struct Iteration: Codable, Sendable {
        /// The temperature reached at this step (1: the full likelihood).
        public let temperature: Double
        /// The ESS of the reweighted particles, before resampling.
        public internal(set) var effectiveSampleSize: Double
        /// The share of parameter moves accepted, over all sweeps of the step (nil: no parameter
        /// can be informed by the figures, so none was proposed).
        public let parameterAcceptance: Double?
        /// The share of noise moves (one month's noise redrawn) accepted.
        public let noiseAcceptance: Double
        /// Metropolis–Hastings sweeps made.
        public let moves: Int
        /// Whether the sweeps stopped at `maximumSweeps` before nine particles in ten had moved.
        public let reachedCap: Bool
    }

    /// One population's course and the quality of its final sample.
    public struct Chain: Sendable {
        public let iterations: [Iteration]
        public let temperature: Double
        public let particles: Int
        /// Particles that differ from every other in parameters or noise.
        public let distinct: Int
        /// The effective number of distinct parameter vectors, n²/Σ copies².
        public let families: Double
        /// The acceptance of the last step's moves (parameters when proposed, else noise).
        public var finalAcceptance: Double {
            guard let last = iterations.last else { return 1 }
            return last.parameterAcceptance ?? last.noiseAcceptance
        }
    }

    /// A reported figure against the prior and the fitted model.
    public struct ObservationCheck: Sendable {
        public let observation: Observation
        /// The share of prior runs whose simulated value is at or below the figure.
        public let priorShare: Double
        public let priorP05: Double, priorP95: Double
        /// The conditioned runs' P5–P95 at the month.
        public let posteriorP05: Double, posteriorP95: Double
        /// Replicated reports — each particle's parameters, fresh noise, plus the reporting error:
        /// their P0.5, P5, P95 and P99.5, and the share at or below the figure.
        public let replicateP005: Double, replicateP05: Double, replicateP95: Double, replicateP995: Double
        public let replicateShare: Double
        /// The uncertain parameters that move this metric at this month most, by the absolute rank
        /// correlation over the prior runs, strongest first (at most three).
        public let influential: [String]
        /// Whether the prior can hardly explain the figure: below 0.5% or above 99.5% of prior runs.
        public var isSurprising: Bool { priorShare < 0.005 || priorShare > 0.995 }
        /// Whether the conditioned model fails to reproduce the figure: outside its replicates' P0.5–P99.5.
        public var isMisfit: Bool { observation.value < replicateP005 || observation.value > replicateP995 }
    }

    /// A conditioned target's Monte Carlo error, from the spread between the populations.
    public struct TargetError: Sendable {
        /// P(met) and the median deciding value in each population.
        public let chainProbabilities: [Double], chainMedians: [Double]
        /// Standard error of the pooled P(met) and median from the between-population spread (0 with one chain).
        public let probabilitySE: Double, medianSE: Double
        /// The 95% interval of P(met): the wider of the Wilson interval at the effective families
        /// and the pooled value ± t(0.975, K−1) between-population standard errors.
        public let interval: ClosedRange<Double>
        /// Whether the populations disagree on P(met) beyond their error (χ² test at p = 0.001).
        public let populationsDisagree: Bool
        /// Whether the target's metric shares noise or parameters with a reported figure.
        public let touchedByFigures: Bool
    }

    /// Why a conditioned result may not be trusted.
    public enum Warning: Sendable, Equatable {
        /// The last step's acceptance, at or below `lowAcceptance`, in the worst population.
        case lowAcceptance(Double)
        /// Effective families in all, below a tenth of the particles.
        case fewFamilies(Double, particles: Int)
        /// Populations disagreeing on these targets' P(met).
        case populationsDisagree([String])
        /// Steps whose sweeps stopped at the cap before the particles had travelled their spread:
        /// a caution, not a verdict (`isDegenerate`).
        case sweepCap(steps: Int)
        /// The temperature reached, below 1.
        case notConverged(Double)
        /// Figures the conditioned model does not reproduce.
        case misfit([Observation])
    }

    public struct Result: Sendable {
        /// `particles` runs of the unconditioned scenario, exactly as `run --runs particles` gives them.
        public let prior: SimulationResult
        /// The particles of every population, each continued over the whole calendar.
        public let posterior: SimulationResult
        public let chains: [Chain]
        /// The particles, as the runs of any further analysis (`MonteCarlo.sample`).
        public let sample: ConditionedSample
        public let checks: [ObservationCheck]
        /// Per target, in scenario order.
        public let targetErrors: [TargetError]
        public let warnings: [Warning]
        /// The uncertain parameters (indices into `scenario.parameters`) the figures can inform.
        public let informedParameters: [Int]
        /// Model runs spent while conditioning (each to the last observed month), and in all.
        public let conditioningRuns: Int, modelRuns: Int
        /// Model months simulated in all (a run to month m counts m).
        public let modelMonths: Int

        /// The lowest temperature any population reached: 1 when all conditioned on the full likelihood.
        public var temperature: Double { chains.map(\.temperature).min() ?? 1 }
        public var converged: Bool { temperature >= 1 }
        public var distinct: Int { chains.reduce(0) { $0 + $1.distinct } }
        public var families: Double { chains.reduce(0) { $0 + $1.families } }
        /// Whether a warning says the sample itself cannot be trusted: moves that stall, particles
        /// collapsed onto few parameter vectors, a temperature short of 1. (A misfit is about the
        /// scenario, a disagreement marks its own targets, and a sweep cap is a caution: the
        /// populations' spread still measures the error.)
        public var isDegenerate: Bool {
            warnings.contains {
                switch $0 {
                case .lowAcceptance, .fewFamilies, .notConverged: true
                case .misfit, .populationsDisagree, .sweepCap: false
                }
            }
        }

        /// Whether target `j`'s conditioned verdict can be read: no disagreement on it, and no
        /// degeneracy of the sample where the figures reach it.
        public func isReliable(target j: Int) -> Bool {
            let error = targetErrors[j]
            return !error.populationsDisagree && !(isDegenerate && error.touchedByFigures)
        }

        /// The posterior's summary with honest intervals: each target's P(met) interval is its
        /// measured one (`targetErrors`), each joint probability's the Wilson interval at the
        /// effective families rather than at the particles.
        public var summary: SimulationSummary {
            var summary = posterior.summary
            for j in summary.targets.indices { summary.targets[j].interval = targetErrors[j].interval }
            let n = max(1, Int(families.rounded()))
            for k in summary.joint.indices {
                let p = summary.joint[k].probability
                let wilson = Statistics.wilson(successes: Int((p * Double(n)).rounded()), trials: n)
                summary.joint[k].interval =
                    min(wilson.lowerBound, summary.joint[k].interval.lowerBound)...max(wilson.upperBound, summary.joint[k].interval.upperBound)
            }
            return summary
        }

        /// The reported figures of one metric.
        public func observationsOf(_ metric: Metric) -> [Observation] { checks.map(\.observation).filter { $0.metric == metric } }
    }

    /// Runs the sampler; `progress`, if given, is called after each tempering step with the
    /// share of the work done (the temperature, averaged over the populations).
    public func run(progress: ((Double) -> Void)? = nil) -> Result {
        let setup = ConditioningSetup(scenario: scenario, observations: observations, threads: threads)
        let populations = (0..<chains).map { c in
            population(c, setup: setup) { progress?((Double(c) + $0) / Double(chains)) }
        }
        return result(of: populations, setup: setup)
    }

    /// The particles (slot indices) population `chain` tempers: the particles split evenly, the
    /// first populations one more when they do not divide.
    public func slots(ofChain chain: Int) -> Range<Int> {
        let start = chain * (particles / chains) + min(chain, particles % chains)
        return start..<(start + particles / chains + (chain < particles % chains ? 1 : 0))
    }

    /// Tempers population `chain` alone (a shard's work): the same population as in `run`.
    /// - Precondition: `0 <= chain < chains`.
    public func population(_ chain: Int, progress: ((Double) -> Void)? = nil) -> ConditionedPopulation {
        population(chain, setup: ConditioningSetup(scenario: scenario, observations: observations, threads: threads)) { progress?($0) }
    }

    private func population(_ chain: Int, setup: ConditioningSetup, progress: (Double) -> Void) -> ConditionedPopulation {
        precondition(particles >= 2 && !observations.isEmpty && (0..<chains).contains(chain))
        let population = SMCPopulation(setup: setup, slotKeys: slots(ofChain: chain).map { StreamSeeding.runKey(seed: seed, run: $0) })
        population.run(progress: progress)
        return population.final
    }

    /// What is wrong with `populations` as those this conditioning tempers for `chains`, or nil.
    public func damage(in populations: [ConditionedPopulation], chains: Range<Int>) -> String? {
        guard populations.count == chains.count else { return "\(populations.count) populations; expected \(chains.count)" }
        let setup = ConditioningSetup(scenario: scenario, observations: observations, threads: 1)
        for (population, chain) in zip(populations, chains) {
            if let problem = population.damage(as: self, setup: setup, slots: slots(ofChain: chain)) { return "population \(chain + 1): \(problem)" }
        }
        return nil
    }

    /// The conditioned forecast from every population's tempered particles, in chain order (the
    /// work after the tempering: the final simulation, the checks, the measured errors).
    /// - Precondition: one population of each chain, as `population(_:)` gives it.
    public func result(of populations: [ConditionedPopulation]) -> Result {
        result(of: populations, setup: ConditioningSetup(scenario: scenario, observations: observations, threads: threads))
    }

    private func result(of populations: [ConditionedPopulation], setup: ConditioningSetup) -> Result {
        precondition(populations.count == chains)
        let conditioningRuns = populations.reduce(0) { $0 + $1.runs }
        let sample = ConditionedSample(setup: setup, observations: observations, populations: populations)
        var engine = MonteCarlo(scenario: scenario, seed: seed, threads: threads, keep: .all)
        engine.sample = sample
        let posterior = engine.run(runs: sample.count)
        let prior = MonteCarlo(scenario: scenario, seed: seed, threads: threads, keep: [.parameterValues, .targetValues, .monthlyQuantiles])
            .run(runs: particles)
        let chainResults = populations.map { p in
            Chain(
                iterations: p.iterations, temperature: p.temperature, particles: p.n,
                distinct: Set(p.stateIDs).count, families: SMCPopulation.effectiveCount(p.parameterIDs))
        }
        let checks = PredictiveCheck(setup: setup, populations: populations, observations: observations).checks(posterior: posterior)
        let errors = targetErrors(posterior, sizes: populations.map(\.n), chains: chainResults, setup: setup)
        let months = scenario.calendar.monthCount
        let replicateRuns = 2 * particles  // replicates and the prior particles of the check
        return Result(
            prior: prior, posterior: posterior, chains: chainResults, sample: sample, checks: checks, targetErrors: errors,
            warnings: warnings(chainResults, errors: errors, checks: checks),
            informedParameters: setup.relevant.map { setup.space.parameters[$0] },
            conditioningRuns: conditioningRuns, modelRuns: conditioningRuns + replicateRuns + 2 * particles,
            modelMonths: (conditioningRuns + replicateRuns) * setup.monthLimit + 2 * particles * months)
    }

    /// Each target's P(met) and median per population, and the error their spread implies.
    private func targetErrors(_ posterior: SimulationResult, sizes: [Int], chains: [Chain], setup: ConditioningSetup) -> [TargetError] {
        let feeds = RunStreams(scenario).feeds
        let k = sizes.count
        return scenario.targets.enumerated().map { j, target in
            let values = posterior.targetValues[j]
            var start = 0
            var probabilities: [Double] = [], medians: [Double] = []
            for size in sizes {
                var chain = Array(values[start..<(start + size)])
                probabilities.append(Double(chain.filter { Target.isMet($0, threshold: target.threshold) }.count) / Double(size))
                medians.append(OrderStatistics.quantiles(&chain, at: [0.5])[0])
                start += size
            }
            let pooled = Double(values.filter { Target.isMet($0, threshold: target.threshold) }.count) / Double(values.count)
            let probabilitySE = k > 1 ? Statistics.meanAndSD(probabilities).sd / Double(k).squareRoot() : 0
            let medianSE = k > 1 ? Statistics.meanAndSD(medians).sd / Double(k).squareRoot() : 0
            let families = chains.reduce(0) { $0 + $1.families }
            let wilson = Statistics.wilson(successes: Int((pooled * families).rounded()), trials: max(1, Int(families.rounded())))
            let t = k > 1 ? Statistics.studentTQuantile(0.975, degreesOfFreedom: Double(k - 1)) : 0
            let interval = max(0, min(wilson.lowerBound, pooled - t * probabilitySE))...min(1, max(wilson.upperBound, pooled + t * probabilitySE))
            // Homogeneity of the populations' P(met) given each one's effective families.
            var chi2 = 0.0
            if pooled > 0 && pooled < 1 {
                for (p, chain) in zip(probabilities, chains) {
                    chi2 += (p - pooled) * (p - pooled) / (pooled * (1 - pooled) / max(chain.families, 1))
                }
            }
            let disagree = k > 1 && chi2 > Statistics.chiSquareQuantile(0.999, degreesOfFreedom: Double(k - 1))
            let touched = feeds.contains { feed in feed.reaches(target.metric) && setup.reportedMetrics.contains(where: feed.reaches) }
            return TargetError(
                chainProbabilities: probabilities, chainMedians: medians, probabilitySE: probabilitySE, medianSE: medianSE,
                interval: interval, populationsDisagree: disagree, touchedByFigures: touched)
        }
    }

    private func warnings(_ chains: [Chain], errors: [TargetError], checks: [ObservationCheck]) -> [Warning] {
        var out: [Warning] = []
        let temperature = chains.map(\.temperature).min() ?? 1
        if temperature < 1 { out.append(.notConverged(temperature)) }
        let acceptance = chains.map(\.finalAcceptance).min() ?? 1
        if acceptance <= Self.lowAcceptance { out.append(.lowAcceptance(acceptance)) }
        let families = chains.reduce(0) { $0 + $1.families }
        if families < Double(particles) / 10 { out.append(.fewFamilies(families, particles: particles)) }
        let capped = chains.reduce(0) { $0 + $1.iterations.filter(\.reachedCap).count }
        if capped > 0 { out.append(.sweepCap(steps: capped)) }
        let disagreeing = zip(scenario.targets, errors).filter { $0.1.populationsDisagree }.map(\.0.id)
        if !disagreeing.isEmpty { out.append(.populationsDisagree(disagreeing)) }
        let misfits = checks.filter(\.isMisfit).map(\.observation)
        if !misfits.isEmpty { out.append(.misfit(misfits)) }
        return out
    }
}
