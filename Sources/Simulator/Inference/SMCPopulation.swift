import Dispatch
import Foundation
import PilotModel

/// What every population of one conditioning shares: the scenario's copula space, the reported
/// figures resolved to columns and months, and the coordinates the figures can inform.
struct ConditioningSetup: Sendable {
    let scenario: Scenario
    let space: CopulaSpace
    /// (metric column, month offset) of each figure, and its log1p value and log-scale variance.
    let observed: [(column: Int, month: Int)]
    let logValues: [Double], variances: [Double]
    /// Months simulated while conditioning: through the last reported month.
    let monthLimit: Int
    /// The reported metrics: the streams feeding them carry the particles' month keys.
    let reportedMetrics: [Metric]
    /// The coordinates of `space` the figures can inform; the others keep their prior.
    let relevant: [Int]
    let threads: Int

    init(scenario s: Scenario, observations: [Observation], threads: Int) {
        scenario = s
        space = CopulaSpace(s)
        observed = observations.map { (s.metrics.firstIndex(of: $0.metric)!, s.calendar.offset(of: $0.month)) }
        logValues = observations.map { log1p($0.value) }
        variances = observations.map { log1p($0.relativeError * $0.relativeError) }
        monthLimit = observed.map(\.month).max()! + 1
        reportedMetrics = Array(Set(observations.map(\.metric))).sorted { $0.description < $1.description }
        // Parameters used before the last reported month (and every correlated one, if any of them is).
        let used = s.parametersUsed(
            inFirst: monthLimit,
            milestones: Set(
                observations.compactMap {
                    if case .milestone(let name) = $0.metric { return name } else { return nil }
                }))
        let correlated = Set(s.activeCorrelations.flatMap { [$0.first.index, $0.second.index] })
        let informed = used.union(correlated.isDisjoint(with: used) ? [] : correlated)
        let space = space
        relevant = space.parameters.indices.filter { informed.contains(space.parameters[$0]) }
        self.threads = threads
    }

    /// The noise of a particle while conditioning: its month keys for the streams that feed a
    /// reported metric, its slot's key for the others.
    func noise(slotKey: UInt64, monthKeys: [UInt64]) -> RunNoise {
        RunNoise(runKey: slotKey, monthKeys: monthKeys, pinnedMetrics: reportedMetrics)
    }

    /// The log-likelihood of the figures given the run just simulated (constants dropped).
    func logLikelihood(_ evaluator: RunEvaluator) -> Double {
        var sum = 0.0
        for k in observed.indices {
            let residual = log1p(evaluator.metric(observed[k].column, month: observed[k].month)) - logValues[k]
            sum -= residual * residual / (2 * variances[k])
        }
        return sum
    }
}

/// One population of the tempered SMC sampler (see `Conditioning`), as a state with named steps:
/// prior draw, temperature choice, reweighting and resampling, move sweeps. Each particle is a
/// parameter vector ε in the copula space and one noise key per month up to the last reported
/// month; the streams that feed a reported metric are keyed month by month by those keys.
final class SMCPopulation {
    let setup: ConditioningSetup
    /// Slot i's key: the prior run key of particle i of this population, from which every random
    /// choice made for the slot is keyed.
    let slotKeys: [UInt64]
    var eps: [[Double]]
    var monthKeys: [[UInt64]]
    var logL: [Double]
    var logWeights: [Double]
    /// Identity of each particle's parameter vector and of its whole state (parameters and noise):
    /// copies made by resampling share them; an accepted move gives a new one.
    var parameterIDs: [Int], stateIDs: [Int]
    private var nextID: Int
    var temperature = 0.0
    var iterations: [Conditioning.Iteration] = []
    /// The random walk's scale relative to 2.38/√d, adapted towards an acceptance near 0.25.
    private var scale = 1.0
    /// Model runs simulated (each through the last reported month).
    private(set) var runs = 0
    var n: Int { slotKeys.count }

    /// The prior: particle i is keyed by `slotKeys[i]`; ε from N(0, I); its month keys from its key.
    init(setup: ConditioningSetup, slotKeys: [UInt64]) {
        self.setup = setup
        self.slotKeys = slotKeys
        let d = setup.space.dimension, months = setup.monthLimit
        eps = slotKeys.map { key in
            let random = RandomSource(key: StreamSeeding.streamKey(runKey: key, name: Names.prior))
            return (0..<d).map { _ in random.standardNormal() }
        }
        monthKeys = slotKeys.map { key in (0..<months).map { StreamSeeding.streamKey(runKey: key, name: Names.month($0)) } }
        logL = []
        logWeights = [Double](repeating: 0, count: slotKeys.count)
        parameterIDs = Array(slotKeys.indices)
        stateIDs = Array(slotKeys.indices)
        nextID = slotKeys.count
        logL = evaluate()
    }

    /// Stream names of the sampler's own random choices.
    enum Names {
        static let prior = StreamSeeding.name(of: "condition:prior")
        static func resample(step: Int) -> UInt64 { StreamSeeding.name(of: "condition:resample:\(step)") }
        static let finalResample = StreamSeeding.name(of: "condition:resample:final")
        static let continuation = StreamSeeding.name(of: "condition:continue")
        static let replicate = StreamSeeding.name(of: "condition:replicate")
        static func month(_ t: Int) -> UInt64 { StreamSeeding.name(of: "condition:month:\(t)") }
        static func move(step: Int, sweep: Int) -> UInt64 { StreamSeeding.name(of: "condition:move:\(step):\(sweep)") }
        static func noise(step: Int, sweep: Int) -> UInt64 { StreamSeeding.name(of: "condition:noise:\(step):\(sweep)") }
    }

    /// Each particle's log-likelihood, simulated through the last reported month.
    private func evaluate() -> [Double] {
        let count = n, out = SharedBuffer(count: n)
        let setup = setup, eps = eps, monthKeys = monthKeys, slotKeys = slotKeys, workers = min(setup.threads, n)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let evaluator = RunEvaluator(setup.scenario)
            var values = setup.space.constants
            for i in stride(from: worker, to: count, by: workers) {
                setup.space.fill(&values, from: eps[i], coordinates: setup.relevant)
                evaluator.simulate(values, noise: setup.noise(slotKey: slotKeys[i], monthKeys: monthKeys[i]), monthLimit: setup.monthLimit)
                out[i] = setup.logLikelihood(evaluator)
            }
        }
        runs += n
        return out.array
    }

    /// Raises the temperature as far as keeps the ESS of the reweighted particles at N/2 (or to 1),
    /// reweights, and resamples when the ESS has fallen to N/2. Returns the ESS before resampling.
    func reweight(step: Int) -> Double {
        let next = Self.nextStep(logWeights: logWeights, logL: logL, from: temperature, targetESS: Double(n) / 2)
        temperature = next.temperature >= 1 - 1e-12 ? 1 : next.temperature
        for i in 0..<n { logWeights[i] += next.increment * logL[i] }
        let ess = Self.effectiveSampleSize(logWeights)
        if ess <= Double(n) / 2 * (1 + 1e-6) || temperature == 1 {
            resample(key: StreamSeeding.streamKey(runKey: slotKeys[0], name: Names.resample(step: step)))
        }
        return ess
    }

    /// Systematic resampling with the uniform of stream `key`; the weights become equal.
    func resample(key: UInt64) {
        let chosen = Self.systematicResample(logWeights, u: RandomSource(key: key).uniform())
        eps = chosen.map { eps[$0] }
        monthKeys = chosen.map { monthKeys[$0] }
        logL = chosen.map { logL[$0] }
        parameterIDs = chosen.map { parameterIDs[$0] }
        stateIDs = chosen.map { stateIDs[$0] }
        logWeights = [Double](repeating: 0, count: n)
    }

    /// Metropolis–Hastings sweeps at the current temperature until nine particles in ten have moved
    /// their parameters (their noise, when no parameter can be informed) and the moves have carried
    /// the particles as far as the particles' spread, or `maximumSweeps`.
    /// Each sweep makes two moves per particle: a random walk on the informed coordinates of ε
    /// (covariance from the particles, scale adapted), then a redraw of one month's noise key
    /// (an independence proposal from the prior for that month's noise; the other months kept).
    /// Returns whether the cap was reached before the particles had moved.
    func move(step: Int) -> Bool {
        let r = setup.relevant.count
        let factor = Self.proposalFactor(eps.map { e in setup.relevant.map { e[$0] } }, logWeights: logWeights, dimension: r)
        var movedParameters = [Bool](repeating: false, count: n), movedNoise = [Bool](repeating: false, count: n)
        var parameterAccepted = 0, noiseAccepted = 0, sweeps = 0
        var reachedCap = true
        // Each informed coordinate's spread over the particles, and the squared jumps made in it.
        let spread = setup.relevant.map { j in Statistics.meanAndSD(eps.lazy.map { $0[j] }).sd }
        var jumps = [Double](repeating: 0, count: r)
        while sweeps < Conditioning.maximumSweeps {
            if r > 0 {
                let before = eps
                let accepted = parameterSweep(factor: factor, scale: scale, name: Names.move(step: step, sweep: sweeps))
                for i in 0..<n where accepted[i] {
                    movedParameters[i] = true
                    parameterAccepted += 1
                    for (a, j) in setup.relevant.enumerated() { jumps[a] += (eps[i][j] - before[i][j]) * (eps[i][j] - before[i][j]) }
                }
                let rate = Double(accepted.filter { $0 }.count) / Double(n)
                scale *= exp(2 * (rate - 0.234))
                scale = min(max(scale, 0.02), 3)
            }
            let accepted = noiseSweep(name: Names.noise(step: step, sweep: sweeps))
            for i in 0..<n where accepted[i] {
                movedNoise[i] = true
                noiseAccepted += 1
            }
            sweeps += 1
            let moved = r > 0 ? movedParameters : movedNoise
            // Moved: nine particles in ten have moved, and the squared jumps over the informed
            // coordinates add up, a particle, to the particles' total variance — as far as an
            // independent redraw would take a particle half the time — so that copies made by
            // resampling have drifted apart, not just taken one step each.
            let travelled = jumps.reduce(0, +) / Double(n) >= 0.5 * spread.reduce(0) { $0 + $1 * $1 }
            if Double(moved.filter { $0 }.count) >= 0.9 * Double(n) && travelled {
                reachedCap = false
                break
            }
        }
        let proposals = Double(max(sweeps * n, 1))
        iterations.append(
            Conditioning.Iteration(
                temperature: temperature, effectiveSampleSize: 0,
                parameterAcceptance: r > 0 ? Double(parameterAccepted) / proposals : nil,
                noiseAcceptance: Double(noiseAccepted) / proposals, moves: sweeps, reachedCap: reachedCap))
        return reachedCap
    }

    /// One random-walk proposal per particle on the informed coordinates; returns which were accepted.
    private func parameterSweep(factor: [[Double]], scale: Double, name: UInt64) -> [Bool] {
        let relevant = setup.relevant, r = relevant.count, keys = monthKeys
        let (states, accepted) = metropolis(
            eps, stream: name,
            propose: { _, current, _, random in
                var z = [Double](repeating: 0, count: r)
                for a in 0..<r { z[a] = random.standardNormal() }
                var candidate = current, priorRatio = 0.0
                for a in 0..<r {
                    var shift = 0.0
                    for b in 0...a { shift += factor[a][b] * z[b] }
                    let j = relevant[a]
                    candidate[j] = current[j] + scale * shift
                    priorRatio -= 0.5 * (candidate[j] * candidate[j] - current[j] * current[j])
                }
                return (candidate, priorRatio)
            }, inputs: { i, candidate in (candidate, keys[i]) })
        eps = states
        for i in 0..<n where accepted[i] {
            parameterIDs[i] = nextID
            stateIDs[i] = nextID
            nextID += 1
        }
        return accepted
    }

    /// One proposal per particle that redraws the noise key of one month, chosen uniformly; the
    /// month keys are independent uniform draws a priori, so the acceptance ratio is the
    /// tempered likelihood ratio alone.
    private func noiseSweep(name: UInt64) -> [Bool] {
        let months = setup.monthLimit, currentEps = eps
        let (states, accepted) = metropolis(
            monthKeys, stream: name,
            propose: { _, current, key, random in
                let month = min(months - 1, Int(random.uniform() * Double(months)))
                var candidate = current
                candidate[month] = StreamSeeding.streamKey(runKey: key, name: Names.month(month))
                return (candidate, 0)
            }, inputs: { i, candidate in (currentEps[i], candidate) })
        monthKeys = states
        for i in 0..<n where accepted[i] {
            stateIDs[i] = nextID
            nextID += 1
        }
        return accepted
    }

    /// One Metropolis–Hastings proposal per particle, on the workers: `propose` draws particle i's
    /// candidate from `random` (at the stream keyed by the particle's slot and `name`, whose key it
    /// is also given) with the log prior ratio; the candidate's parameters and month keys
    /// (`inputs`) are simulated through the last reported month and accepted by the tempered
    /// likelihood ratio. Updates the log-likelihoods; returns the states and which moved.
    private func metropolis<State: Sendable>(
        _ current: [State], stream name: UInt64,
        propose: @escaping @Sendable (_ i: Int, _ current: State, _ key: UInt64, _ random: RandomSource) -> (State, Double),
        inputs: @escaping @Sendable (_ i: Int, _ candidate: State) -> (eps: [Double], monthKeys: [UInt64])
    ) -> (states: [State], accepted: [Bool]) {
        let setup = setup, slotKeys = slotKeys, currentLogL = logL, phi = temperature
        let count = n, newStates = ResultSlots<State>(count: n), newLogL = SharedBuffer(count: n), moved = SharedBuffer(count: n)
        let workers = min(setup.threads, n)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let evaluator = RunEvaluator(setup.scenario)
            let random = RandomSource(key: 0)
            var values = setup.space.constants
            for i in stride(from: worker, to: count, by: workers) {
                let key = StreamSeeding.streamKey(runKey: slotKeys[i], name: name)
                random.select(key: key)
                let (candidate, logPriorRatio) = propose(i, current[i], key, random)
                let (eps, monthKeys) = inputs(i, candidate)
                setup.space.fill(&values, from: eps, coordinates: setup.relevant)
                evaluator.simulate(values, noise: setup.noise(slotKey: slotKeys[i], monthKeys: monthKeys), monthLimit: setup.monthLimit)
                let candidateLogL = setup.logLikelihood(evaluator)
                if log(random.uniformPositive()) < phi * (candidateLogL - currentLogL[i]) + logPriorRatio {
                    newStates[i] = candidate
                    newLogL[i] = candidateLogL
                    moved[i] = 1
                } else {
                    newStates[i] = current[i]
                    newLogL[i] = currentLogL[i]
                }
            }
        }
        runs += n
        logL = newLogL.array
        return (newStates.values, moved.array.map { $0 == 1 })
    }

    /// Runs the whole tempering schedule; `progress` gets the temperature after each step.
    func run(progress: (Double) -> Void) {
        while temperature < 1 && iterations.count < Conditioning.maximumIterations {
            let step = iterations.count
            let ess = reweight(step: step)
            _ = move(step: step)
            iterations[step].effectiveSampleSize = ess
            progress(temperature)
        }
        if logWeights.contains(where: { $0 != logWeights[0] }) {
            resample(key: StreamSeeding.streamKey(runKey: slotKeys[0], name: Names.finalResample))
        }
    }

    /// The population as it stands, as a value.
    var final: ConditionedPopulation {
        ConditionedPopulation(
            slotKeys: slotKeys, eps: eps, monthKeys: monthKeys, parameterIDs: parameterIDs, stateIDs: stateIDs, iterations: iterations,
            temperature: temperature, runs: runs)
    }

    /// n²/Σc² over groups of identical ids: the effective number of distinct members.
    static func effectiveCount(_ ids: [Int]) -> Double {
        var copies: [Int: Int] = [:]
        for id in ids { copies[id, default: 0] += 1 }
        let squares = copies.values.reduce(0.0) { $0 + Double($1) * Double($1) }
        return Double(ids.count) * Double(ids.count) / squares
    }
}

extension SMCPopulation {
    /// (Σw)²/Σw² of the weights exp(logWeights).
    static func effectiveSampleSize(_ logWeights: [Double]) -> Double {
        let top = logWeights.max()!
        var sum = 0.0, squares = 0.0
        for w in logWeights {
            let x = exp(w - top)
            sum += x
            squares += x * x
        }
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
            while i < n - 1 && cumulative + weights[i] < point {
                cumulative += weights[i]
                i += 1
            }
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
            for b in 0...a {
                cov[a][b] *= scale
                cov[b][a] = cov[a][b]
            }
            cov[a][a] += 1e-6
        }
        if let factor = Cholesky.factor(cov) { return factor }
        return (0..<d).map { a in (0..<d).map { b in a == b ? cov[a][a].squareRoot() : 0 } }
    }
}
