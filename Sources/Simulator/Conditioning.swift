import Dispatch
import Foundation
import PilotModel

/// The forecast conditioned on reported figures, by likelihood-tempered sequential Monte Carlo
/// (Del Moral, Doucet & Jasra, "Sequential Monte Carlo samplers", JRSS B 68, 2006; adaptive
/// tempering as in Jasra et al. 2011).
///
/// A particle is one whole run: its uncertain parameters and its run key (the process noise). The
/// parameters live in the Gaussian-copula space of the prior: independent standard normals ε,
/// turned into correlated normal scores z = Lε (L the Cholesky factor of the scenario's
/// normal-score correlation matrix) and then into values through each parameter's quantile
/// function, value = F⁻¹(Φ(z)). The prior in ε is exactly N(0, I), so a move keeps both the
/// marginals and the correlations the scenario asks for, and every value stays in its support.
///
/// The likelihood of a figure y with relative reporting error r, given a run's simulated value x, is
/// lognormal: log(1 + y) ~ N(log(1 + x), log(1 + r²)) (the 1 + keeps a zero count finite). The
/// sampler raises the likelihood to a temperature φ going from 0 to 1, each step chosen so that the
/// effective sample size (ESS) of the reweighted particles is N/2; resamples systematically when the
/// ESS is below N/2; and moves each particle by Metropolis–Hastings: a Gaussian random walk on ε
/// with covariance 2.38²/d times the particles' covariance, together with a fresh run key drawn
/// from the prior (an independence proposal for the noise). While conditioning, a run is simulated
/// only to the last observed month; each final particle is then simulated once over the whole
/// calendar, so its path before and after the figures is a draw from the posterior predictive.
///
/// Every random choice comes from streams keyed by the seed, the particle and the iteration, and
/// every sum over particles is taken in particle order: the result is the same to the bit for any
/// thread count.
public struct Conditioning: Sendable {
    public let scenario: Scenario
    public let observations: [Observation]
    public let particles: Int
    public let seed: UInt64
    public let threads: Int

    /// The most tempering steps before the sampler stops and reports the temperature reached.
    public static let maximumIterations = 100
    /// The most Metropolis–Hastings sweeps a tempering step makes.
    public static let maximumMoves = 12

    public init(scenario: Scenario, observations: [Observation], particles: Int, seed: UInt64, threads: Int) {
        self.scenario = scenario
        self.observations = observations
        self.particles = particles
        self.seed = seed
        self.threads = max(1, threads)
    }

    /// One tempering step.
    public struct Iteration: Sendable {
        /// The temperature reached at this step (1: the full likelihood).
        public let temperature: Double
        /// The ESS of the reweighted particles, before resampling.
        public let effectiveSampleSize: Double
        /// The share of proposals accepted, over all sweeps of the step.
        public let acceptance: Double
        /// Metropolis–Hastings sweeps made.
        public let moves: Int
    }

    /// What the prior and the posterior say about one observation.
    public struct ObservationCheck: Sendable {
        public let observation: Observation
        /// The share of prior runs whose simulated value is at or below the figure.
        public let priorShare: Double
        public let priorP05: Double, priorP95: Double
        public let posteriorP05: Double, posteriorP95: Double
        /// The uncertain parameters that move this metric at this month most, by the absolute rank
        /// correlation over the prior runs, strongest first (at most three).
        public let influential: [String]
        /// Whether the prior can hardly explain the figure: below 0.5% or above 99.5% of prior runs.
        public var isSurprising: Bool { priorShare < 0.005 || priorShare > 0.995 }
    }

    public struct Result: Sendable {
        /// `particles` runs of the unconditioned scenario, exactly as `run --runs particles` gives them.
        public let prior: SimulationResult
        /// The particles, each simulated over the whole calendar: equally weighted draws from the
        /// posterior predictive.
        public let posterior: SimulationResult
        public let iterations: [Iteration]
        /// The temperature reached: 1 when the sampler conditioned on the full likelihood.
        public let temperature: Double
        /// The ESS at the last reweighting: the sample size that the posterior's Monte Carlo
        /// intervals are based on.
        public let effectiveSampleSize: Double
        /// Model runs spent while conditioning (each to the last observed month), and in all.
        public let conditioningRuns: Int, modelRuns: Int
        /// Model months simulated in all (a run to month m counts m).
        public let modelMonths: Int
        public let checks: [ObservationCheck]
        public var converged: Bool { temperature >= 1 }

        /// The reported figures of one metric.
        public func observationsOf(_ metric: Metric) -> [Observation] { checks.map(\.observation).filter { $0.metric == metric } }
    }

    /// Runs the sampler; `progress`, if given, is called after each tempering step with the
    /// temperature reached.
    public func run(progress: ((Double) -> Void)? = nil) -> Result {
        precondition(particles >= 2 && !observations.isEmpty)
        let s = scenario, n = particles, seed = seed
        let space = CopulaSpace(s)
        let d = space.dimension
        let monthLimit = observations.map { s.calendar.offset(of: $0.month) }.max()! + 1
        let observed = observations.map { (s.metrics.firstIndex(of: $0.metric)!, s.calendar.offset(of: $0.month)) }
        let targets = observations.map { log1p($0.value) }
        let variances = observations.map { log1p($0.relativeError * $0.relativeError) }
        let particleKeys = (0..<n).map { StreamSeeding.runKey(seed: seed, run: $0) }
        var runs = 0
        // The coordinates the figures can inform: parameters used before the last reported month
        // (and every correlated one, if any of them is). The others keep their prior: they are not
        // moved while conditioning, and drawn afresh from the prior at the end.
        let used = s.parametersUsed(inFirst: monthLimit, milestones: Set(observations.compactMap {
            if case .milestone(let name) = $0.metric { return name } else { return nil }
        }))
        let correlated = Set(s.activeCorrelations.flatMap { [$0.first.index, $0.second.index] })
        let informed = used.union(correlated.isDisjoint(with: used) ? [] : correlated)
        let relevant = space.parameters.indices.filter { informed.contains(space.parameters[$0]) }
        let r = relevant.count

        /// The log-likelihood of the figures given the run just simulated (constants dropped).
        @Sendable func logLikelihood(_ evaluator: RunEvaluator) -> Double {
            var sum = 0.0
            for (k, (column, month)) in observed.enumerated() {
                let residual = log1p(evaluator.metric(column, month: month)) - targets[k]
                sum -= residual * residual / (2 * variances[k])
            }
            return sum
        }

        /// Simulates rows to the last observed month (the prior particles); returns each row's
        /// log-likelihood and its simulated value of every observation.
        func evaluate(_ eps: [[Double]], _ keys: [UInt64]) -> (logL: [Double], simulated: [[Double]]) {
            let count = eps.count
            let logL = SharedBuffer(count: count)
            let simulated = SharedBuffer(count: count * observed.count)
            let workers = min(threads, count)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let evaluator = RunEvaluator(s)
                var values = space.constants
                for i in stride(from: worker, to: count, by: workers) {
                    space.fill(&values, from: eps[i])
                    evaluator.simulate(values, runKey: keys[i], monthLimit: monthLimit)
                    for (k, (column, month)) in observed.enumerated() {
                        simulated[i * observed.count + k] = evaluator.metric(column, month: month)
                    }
                    logL[i] = logLikelihood(evaluator)
                }
            }
            runs += count
            let flat = simulated.array
            return (logL.array, (0..<count).map { Array(flat[($0 * observed.count)..<(($0 + 1) * observed.count)]) })
        }

        // The prior: ε from N(0, I), each particle with run i's key.
        var eps = (0..<n).map { i -> [Double] in
            let random = RandomSource(key: StreamSeeding.streamKey(runKey: particleKeys[i], name: StreamSeeding.name(of: "condition:prior")))
            return (0..<d).map { _ in random.standardNormal() }
        }
        var keys = particleKeys
        let prior = evaluate(eps, keys)
        var logL = prior.logL
        let priorEps = eps, priorSimulated = prior.simulated

        var logWeights = [Double](repeating: 0, count: n)
        /// Systematic resampling with the uniform of stream `key`; the weights become equal.
        func resample(key: UInt64) {
            let chosen = Self.systematicResample(logWeights, u: RandomSource(key: key).uniform())
            eps = chosen.map { eps[$0] }
            keys = chosen.map { keys[$0] }
            logL = chosen.map { logL[$0] }
            logWeights = [Double](repeating: 0, count: n)
        }
        var temperature = 0.0, lastESS = Double(n)
        var iterations: [Iteration] = []
        while temperature < 1 && iterations.count < Self.maximumIterations {
            let t = iterations.count
            // Next temperature: the ESS of the reweighted particles falls to N/2, or the end.
            let step = Self.nextStep(logWeights: logWeights, logL: logL, from: temperature, targetESS: Double(n) / 2)
            temperature = step.temperature >= 1 - 1e-12 ? 1 : step.temperature
            for i in 0..<n { logWeights[i] += step.increment * logL[i] }
            let ess = Self.effectiveSampleSize(logWeights)
            lastESS = ess
            // The step brings the ESS to N/2 (up to the bisection's precision): resample then.
            if ess <= Double(n) / 2 * (1 + 1e-6) || temperature == 1 {
                resample(key: StreamSeeding.streamKey(runKey: StreamSeeding.runKey(seed: seed, run: t),
                                                      name: StreamSeeding.name(of: "condition:resample")))
            }

            // Moves: random walk on ε with the particles' covariance, and a fresh run key; each
            // particle's proposal, simulation and decision on one worker, from its own streams.
            let proposal = Self.proposalFactor(eps.map { e in relevant.map { e[$0] } }, logWeights: logWeights, dimension: r)
            var accepted = 0, proposed = 0, sweeps = 0
            while sweeps < Self.maximumMoves {
                let moveName = StreamSeeding.name(of: "condition:move:\(t):\(sweeps)")
                let keyName = StreamSeeding.name(of: "condition:key:\(t):\(sweeps)")
                let current = eps, currentKeys = keys, currentLogL = logL, phi = temperature
                let newEps = ResultSlots<[Double]>(count: n), newKeys = ResultSlots<UInt64>(count: n)
                let newLogL = SharedBuffer(count: n), moved = SharedBuffer(count: n)
                let workers = min(threads, n)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    let evaluator = RunEvaluator(s)
                    let random = RandomSource(key: 0)
                    var values = space.constants
                    var z = [Double](repeating: 0, count: r)
                    for i in stride(from: worker, to: n, by: workers) {
                        random.select(key: StreamSeeding.streamKey(runKey: particleKeys[i], name: moveName))
                        for a in 0..<r { z[a] = random.standardNormal() }
                        var candidate = current[i], priorRatio = 0.0
                        for a in 0..<r {
                            var shift = 0.0
                            for b in 0...a { shift += proposal[a][b] * z[b] }
                            let j = relevant[a]
                            candidate[j] = current[i][j] + shift
                            priorRatio -= 0.5 * (candidate[j] * candidate[j] - current[i][j] * current[i][j])
                        }
                        let key = StreamSeeding.streamKey(runKey: particleKeys[i], name: keyName)
                        space.fill(&values, from: candidate, coordinates: relevant)
                        evaluator.simulate(values, runKey: key, monthLimit: monthLimit)
                        let candidateLogL = logLikelihood(evaluator)
                        if log(random.uniformPositive()) < phi * (candidateLogL - currentLogL[i]) + priorRatio {
                            newEps[i] = candidate; newKeys[i] = key; newLogL[i] = candidateLogL; moved[i] = 1
                        } else {
                            newEps[i] = current[i]; newKeys[i] = currentKeys[i]; newLogL[i] = currentLogL[i]
                        }
                    }
                }
                runs += n
                eps = newEps.values; keys = newKeys.values; logL = newLogL.array
                accepted += Int(moved.array.reduce(0, +)); proposed += n; sweeps += 1
                // Enough sweeps that nine particles in ten have moved at least once, at this rate.
                let rate = Double(accepted) / Double(proposed)
                let needed = rate >= 1 ? 1 : rate <= 0 ? Self.maximumMoves : Int((log(0.1) / log(1 - rate)).rounded(.up))
                if sweeps >= needed { break }
            }
            iterations.append(Iteration(temperature: temperature, effectiveSampleSize: ess,
                                        acceptance: Double(accepted) / Double(max(proposed, 1)), moves: sweeps))
            progress?(temperature)
        }
        if logWeights.contains(where: { $0 != logWeights[0] }) {
            resample(key: StreamSeeding.streamKey(runKey: seed, name: StreamSeeding.name(of: "condition:final")))
        }
        // The coordinates the figures cannot inform: fresh prior draws, so that resampling has not
        // left copies of the same few values.
        if r < d {
            let informedCoordinates = Set(relevant)
            for i in 0..<n {
                let random = RandomSource(key: StreamSeeding.streamKey(runKey: particleKeys[i], name: StreamSeeding.name(of: "condition:free")))
                for j in 0..<d where !informedCoordinates.contains(j) { eps[i][j] = random.standardNormal() }
            }
        }
        let conditioningRuns = runs

        // Each particle over the whole calendar (every month kept, for the checks of the reported
        // months below), and the prior as `run` gives it.
        let engine = MonteCarlo(scenario: s, seed: seed, threads: threads, keep: .all)
        let finalEps = eps, finalKeys = keys
        let posterior = engine.simulate(rows: n) {
            { row, values in
                values = space.constants
                space.fill(&values, from: finalEps[row])
                return finalKeys[row]
            }
        }
        var priorEngine = engine
        priorEngine.keep = [.parameterValues, .targetValues, .monthlyQuantiles]
        let priorRuns = priorEngine.run(runs: n)
        let months = s.calendar.monthCount

        let checks = observations.enumerated().map { k, observation -> ObservationCheck in
            let priorValues = priorSimulated.map { $0[k] }
            let (column, month) = observed[k]
            var post = posterior.trajectory(metric: column, month: month)
            var sortedPrior = priorValues
            let pq = OrderStatistics.quantiles(&sortedPrior, at: [0.05, 0.95])
            let q = OrderStatistics.quantiles(&post, at: [0.05, 0.95])
            let share = Double(priorValues.lazy.filter { $0 <= observation.value }.count) / Double(n)
            let influence = (0..<d).map { j in (j, abs(Statistics.spearman(priorEps.map { $0[j] }, priorValues))) }
                .filter { $0.1.isFinite && $0.1 > 0.05 }
                .sorted { $0.1 > $1.1 }.prefix(3)
                .map { s.parameters[space.parameters[$0.0]].keyPath }
            return ObservationCheck(observation: observation, priorShare: share, priorP05: pq[0], priorP95: pq[1],
                                    posteriorP05: q[0], posteriorP95: q[1], influential: Array(influence))
        }
        return Result(prior: priorRuns, posterior: posterior, iterations: iterations, temperature: temperature,
                      effectiveSampleSize: lastESS, conditioningRuns: conditioningRuns, modelRuns: conditioningRuns + 2 * n,
                      modelMonths: conditioningRuns * monthLimit + 2 * n * months, checks: checks)
    }
}

extension Conditioning {
    /// (Σw)²/Σw² of the weights exp(logWeights).
    static func effectiveSampleSize(_ logWeights: [Double]) -> Double {
        let top = logWeights.max()!
        var sum = 0.0, squares = 0.0
        for w in logWeights { let x = exp(w - top); sum += x; squares += x * x }
        return sum * sum / squares
    }

    /// The temperature increment that brings the ESS of `logWeights + δ·logL` to `targetESS`
    /// (bisection), or the rest of the way to 1 if the ESS stays above it.
    static func nextStep(logWeights: [Double], logL: [Double], from temperature: Double, targetESS: Double) -> (temperature: Double, increment: Double) {
        func ess(_ delta: Double) -> Double { effectiveSampleSize(zip(logWeights, logL).map { $0 + delta * $1 }) }
        let rest = 1 - temperature
        if ess(rest) >= targetESS { return (1, rest) }
        var low = 0.0, high = rest
        for _ in 0..<60 {
            let mid = (low + high) / 2
            if ess(mid) >= targetESS { low = mid } else { high = mid }
        }
        let delta = max(low, 1e-12)
        return (temperature + delta, delta)
    }

    /// Systematic resampling (Kitagawa 1996): N indices, particle i chosen ⌊N·wᵢ⌋ or ⌈N·wᵢ⌉ times.
    static func systematicResample(_ logWeights: [Double], u: Double) -> [Int] {
        let n = logWeights.count, top = logWeights.max()!
        let weights = logWeights.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        var chosen: [Int] = [], cumulative = 0.0, i = 0
        chosen.reserveCapacity(n)
        for k in 0..<n {
            let point = (Double(k) + u) / Double(n) * total
            while i < n - 1 && cumulative + weights[i] < point { cumulative += weights[i]; i += 1 }
            chosen.append(i)
        }
        return chosen
    }

    /// The lower-triangular factor of the random walk's covariance: 2.38²/d times the weighted
    /// covariance of the particles (Roberts, Gelman & Gilks 1997), with a small ridge so that
    /// it factors even when the cloud has collapsed in some direction.
    static func proposalFactor(_ eps: [[Double]], logWeights: [Double], dimension d: Int) -> [[Double]] {
        guard d > 0 else { return [] }
        let top = logWeights.max()!
        let weights = logWeights.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        var mean = [Double](repeating: 0, count: d)
        for (e, w) in zip(eps, weights) { for a in 0..<d { mean[a] += w * e[a] / total } }
        var cov = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for (e, w) in zip(eps, weights) {
            for a in 0..<d { for b in 0...a { cov[a][b] += w * (e[a] - mean[a]) * (e[b] - mean[b]) / total } }
        }
        let scale = 2.38 * 2.38 / Double(d)
        for a in 0..<d {
            for b in 0...a { cov[a][b] *= scale; cov[b][a] = cov[a][b] }
            cov[a][a] += 1e-6
        }
        if let factor = Cholesky.factor(cov) { return factor }
        return (0..<d).map { a in (0..<d).map { b in a == b ? cov[a][a].squareRoot() : 0 } }
    }
}

/// The Gaussian-copula coordinates of a scenario's uncertain parameters (see `Conditioning`).
struct CopulaSpace: Sendable {
    /// Indices (into `scenario.parameters`) of the uncertain parameters, one coordinate each.
    let parameters: [Int]
    /// Every parameter's value with the uncertain ones at 0: the start of a row's values.
    let constants: [Double]
    /// For each coordinate, the (coordinate, weight) pairs whose sum is its normal score: the
    /// Cholesky factor's row for a correlated parameter, itself alone otherwise.
    private let mixing: [[(Int, Double)]]
    /// For each coordinate, the map from its normal score to its value: exact for a lognormal
    /// (exp(ζ + σz)), a `QuantileTable` otherwise.
    private let transforms: [Transform]

    enum Transform: Sendable {
        case lognormal(zeta: Double, sigma: Double, domain: ParameterDomain)
        case table(QuantileTable)
    }

    var dimension: Int { parameters.count }

    init(_ scenario: Scenario) {
        let uncertain = scenario.uncertainParameters
        parameters = uncertain
        constants = scenario.parameters.map { spec in
            if case .constant(let value) = spec.distribution { return value }
            return 0
        }
        var mixing = uncertain.indices.map { [($0, 1.0)] }
        let (members, matrix) = RankCorrelation.normalScoreMatrix(scenario.activeCorrelations)
        if !members.isEmpty, let factor = Cholesky.factor(matrix) {
            let coordinates = members.map { uncertain.firstIndex(of: $0.index)! }
            for (a, coordinate) in coordinates.enumerated() {
                mixing[coordinate] = (0...a).map { (coordinates[$0], factor[a][$0]) }
            }
        }
        self.mixing = mixing
        transforms = uncertain.map { i in
            let spec = scenario.parameters[i]
            if case .lognormal(let zeta, let sigma) = spec.distribution { return .lognormal(zeta: zeta, sigma: sigma, domain: spec.domain) }
            return .table(QuantileTable(spec))
        }
    }

    /// Sets the uncertain parameters' values from the coordinates `eps`.
    func fill(_ values: inout [Double], from eps: [Double]) {
        fill(&values, from: eps, coordinates: parameters.indices)
    }

    /// Sets the values of the parameters at `coordinates` only (the others keep what they held).
    func fill<C: Collection>(_ values: inout [Double], from eps: [Double], coordinates: C) where C.Element == Int {
        for j in coordinates {
            let i = parameters[j]
            var z = 0.0
            for (k, weight) in mixing[j] { z += weight * eps[k] }
            switch transforms[j] {
            case .lognormal(let zeta, let sigma, let domain): values[i] = domain.clamp(exp(zeta + sigma * z))
            case .table(let table): values[i] = table(z)
            }
        }
    }
}
