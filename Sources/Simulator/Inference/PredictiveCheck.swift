import Dispatch
import Foundation
import PilotModel

/// The posterior predictive check of the reported figures: each final particle's parameters with
/// fresh noise over every month and stream (a replicate key of its slot), plus a reporting error drawn
/// from the figure's lognormal error model. A figure outside its replicates' P0.5–P99.5 is one the
/// conditioned model does not reproduce (Gelman, Meng & Stern 1996).
struct PredictiveCheck {
    let setup: ConditioningSetup
    let populations: [ConditionedPopulation]
    let observations: [Observation]

    /// The checks, with `posterior` (the particles over the whole calendar) for the conditioned band.
    func checks(posterior: SimulationResult) -> [Conditioning.ObservationCheck] {
        let s = setup.scenario, space = setup.space, setup = setup
        let rows = populations.flatMap { p in (0..<p.n).map { (p.eps[$0], p.slotKeys[$0]) } }
        let n = rows.count, k = observations.count
        let replicates = SharedBuffer(count: n * k), simulatedPrior = SharedBuffer(count: n * k)
        let priorEps = ResultSlots<[Double]>(count: n)
        let workers = min(setup.threads, n)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let evaluator = RunEvaluator(s)
            let random = RandomSource(key: 0)
            var values = space.constants
            for i in stride(from: worker, to: n, by: workers) {
                let key = StreamSeeding.streamKey(runKey: rows[i].1, name: SMCPopulation.Names.replicate)
                space.fill(&values, from: rows[i].0)
                evaluator.simulate(values, noise: RunNoise(runKey: key), monthLimit: setup.monthLimit)
                random.select(key: StreamSeeding.streamKey(runKey: key, name: SMCPopulation.Names.replicate))
                for (j, (column, month)) in setup.observed.enumerated() {
                    let error = setup.variances[j].squareRoot() * random.standardNormal()
                    replicates[i * k + j] = max(0, exp(log1p(evaluator.metric(column, month: month)) + error) - 1)
                }
                // The prior particle of the slot, for the prior's share and the parameters' influence.
                random.select(key: StreamSeeding.streamKey(runKey: rows[i].1, name: SMCPopulation.Names.prior))
                let eps = (0..<space.dimension).map { _ in random.standardNormal() }
                space.fill(&values, from: eps)
                evaluator.simulate(values, runKey: rows[i].1, monthLimit: setup.monthLimit)
                for (j, (column, month)) in setup.observed.enumerated() { simulatedPrior[i * k + j] = evaluator.metric(column, month: month) }
                priorEps[i] = eps
            }
        }
        let replicated = replicates.array, prior = simulatedPrior.array, priorValues = priorEps.values
        return observations.enumerated().map { j, observation in
            var reps = (0..<n).map { replicated[$0 * k + j] }
            var before = (0..<n).map { prior[$0 * k + j] }
            let share = Double(before.filter { $0 <= observation.value }.count) / Double(n)
            let replicateShare = Double(reps.filter { $0 <= observation.value }.count) / Double(n)
            let influence = space.parameters.indices.map { c in (c, abs(Statistics.spearman(priorValues.map { $0[c] }, before))) }
                .filter { $0.1.isFinite && $0.1 > 0.05 }
                .sorted { $0.1 > $1.1 }.prefix(3)
                .map { s.parameters[space.parameters[$0.0]].keyPath }
            let pq = OrderStatistics.quantiles(&before, at: [0.05, 0.95])
            var conditioned = posterior.trajectory(metric: setup.observed[j].column, month: setup.observed[j].month)
            let q = OrderStatistics.quantiles(&conditioned, at: [0.05, 0.95])
            let rq = OrderStatistics.quantiles(&reps, at: [0.005, 0.05, 0.95, 0.995])
            return Conditioning.ObservationCheck(
                observation: observation, priorShare: share, priorP05: pq[0], priorP95: pq[1],
                posteriorP05: q[0], posteriorP95: q[1],
                replicateP005: rq[0], replicateP05: rq[1], replicateP95: rq[2], replicateP995: rq[3], replicateShare: replicateShare,
                influential: Array(influence))
        }
    }
}
