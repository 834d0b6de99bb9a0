import Foundation
import PilotModel
import TestSupport
import Testing

@testable import Simulator

/// The conditioning sampler against cases with exact answers, and its calibration.
struct ConditioningTests {
    /// Only one milestone with an uncertain monthly rate λ ~ Gamma(3, scale 0.2); N(t) ~ Poisson(λt).
    static func milestoneScenario() throws -> Scenario {
        try EngineTests.quietScenario([
            "milestones={m: {gamma: {shape: 3, scale: 0.2}}}",
            "targets=[{id: m6, metric: milestones.m, by: 2023-12, at_least: 6}]",
        ])
    }

    static func observation(_ scenario: Scenario, month: String, metric: String, value: Double, error: Double) throws -> [Observation] {
        try ObservationFile.parse(
            "month,metric,value,rel_error\n\(month),\(metric),\(formatNumber(value)),\(error)\n",
            file: "obs.csv", scenario: scenario)
    }

    /// Gamma–Poisson conjugacy: after N(10) = 4, λ ~ Gamma(3 + 4, scale 0.2/(1 + 10·0.2)) — mean
    /// 0.46667, sd 0.17638 — and N(12) − 4 ~ NegBin(r = 7, q = 2θ′/(1 + 2θ′)), so
    /// P(N(12) ≥ 6) = 1 − (1 − q)⁷(1 + 7q). A 1% reporting error on a count of 4 is an exact
    /// observation (log 5 and log 6 differ by 18 sd).
    @Test func conjugateMilestoneRate() throws {
        let scenario = try Self.milestoneScenario()
        let observed = try Self.observation(scenario, month: "2023-10", metric: "milestones.m", value: 4, error: 0.01)
        let n = 4000
        let result = Conditioning(scenario: scenario, observations: observed, particles: n, seed: 11, threads: 2).run()
        #expect(result.converged)
        let rates = result.posterior.parameterValues
        let (mean, sd) = Statistics.meanAndSD(rates)
        let theta = 0.2 / 3.0, shape = 7.0
        // Particles after resampling and moves are correlated: allow for an ESS of a quarter of N.
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let se = (shape.squareRoot() * theta) / (Double(n) / 4).squareRoot()
        #expect(abs(mean - shape * theta) <= 4 * se, "posterior mean \(mean) vs \(shape * theta) (SE \(se))")
        #expect(abs(sd - shape.squareRoot() * theta) <= 0.1 * shape.squareRoot() * theta, "posterior sd \(sd)")
        #expect(result.posterior.trajectory(metric: scenario.metrics.firstIndex(of: .milestone("m"))!, month: 9).allSatisfy { $0 == 4 })
        let q = 2 * theta / (1 + 2 * theta)
        let exact = 1 - pow(1 - q, 7) * (1 + 7 * q)
        let met = Double(result.posterior.targetValues[0].filter { $0 >= 6 }.count) / Double(n)
        let pse = (exact * (1 - exact) / (Double(n) / 4)).squareRoot()
        #expect(abs(met - exact) <= 4 * pse, "P(N(12) ≥ 6) \(met) vs \(exact)")
    }
}

extension ConditioningTests {
    /// The tabulated quantiles agree with the exact ones to a relative 10⁻⁶ for every parameter of
    /// the baseline that is not a lognormal (those are computed exactly).
    @Test func quantileTablesMatchTheExactQuantiles() throws {
        let scenario = try Scenario.baseline()
        var worst = 0.0
        for i in scenario.uncertainParameters {
            let spec = scenario.parameters[i]
            if case .lognormal = spec.distribution { continue }
            let table = QuantileTable(spec)
            for z in stride(from: -6.5, through: 6.5, by: 0.0371) {
                let exact = spec.quantile(StandardNormal.cdf(z))
                worst = max(worst, abs(table(z) - exact) / max(abs(exact), 1e-300))
            }
        }
        #expect(worst < 1e-6, "worst relative error \(worst)")
    }

    /// Simulation-based calibration (Talts et al. 2018): draw a "true" parameter vector from the
    /// prior, simulate it, report three metrics at two months with 5% error, condition, and rank
    /// the true value among the posterior particles. If the sampler is right, each parameter's rank
    /// is uniform over replicates: a chi-square test over 8 bins must not reject at p = 0.001
    /// (statistic below 24.32, the 0.999 quantile of χ² with 7 degrees of freedom).
    @Test func simulationBasedCalibration() throws {
        let scenario = try EngineTests.quietScenario([
            "wallets.personal.population=5000",
            "wallets.personal.innovation={lognormal: {median: 0.03, sigma: 0.5}}",
            "wallets.personal.active_share={beta: {mean: 0.3, sd: 0.1}}",
            "wallets.personal.tx_per_active=3",
            "merchants.outreach={gamma: {mean: 0.04, sd: 0.015}}",
            "targets=[]",
        ])
        let space = CopulaSpace(scenario)
        let particles = 100, replicates = 96, bins = 8
        var counts = [[Int]](repeating: [Int](repeating: 0, count: bins), count: space.dimension)
        let evaluator = RunEvaluator(scenario)
        for replicate in 0..<replicates {
            let random = RandomSource(key: StreamSeeding.runKey(seed: 777, run: replicate))
            let eps = (0..<space.dimension).map { _ in random.standardNormal() }
            var values = space.constants
            space.fill(&values, from: eps)
            evaluator.simulate(values, runKey: StreamSeeding.runKey(seed: 778, run: replicate))
            var rows = ["month,metric,value,rel_error"]
            for month in [2, 5] {
                for (metric, column) in [("wallets", 0), ("wallets.active", 3), ("merchants", 4)] {
                    let x = evaluator.metric(column, month: month)
                    let reported = exp(log1p(x) + log1p(0.0025).squareRoot() * random.standardNormal()) - 1
                    rows.append("\(scenario.calendar.month(at: month)),\(metric),\(reported),0.05")
                }
            }
            let observations = try ObservationFile.parse(rows.joined(separator: "\n"), file: "sbc.csv", scenario: scenario)
            let result = Conditioning(
                scenario: scenario, observations: observations, particles: particles,
                seed: UInt64(replicate), threads: 2
            ).run()
            let width = result.posterior.uncertainParameters.count
            for (j, i) in space.parameters.enumerated() {
                let truth = values[i]
                let column = result.posterior.uncertainParameters.firstIndex(of: i)!
                let rank = (0..<particles).filter { result.posterior.parameterValues[$0 * width + column] < truth }.count
                counts[j][min(bins - 1, rank * bins / (particles + 1))] += 1
            }
        }
        let expected = Double(replicates) / Double(bins)
        for (j, histogram) in counts.enumerated() {
            let chi2 = histogram.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
            #expect(chi2 < 24.32, "\(scenario.parameters[space.parameters[j]].keyPath): ranks \(histogram), χ² \(chi2)")
        }
    }

    /// A figure twenty times the prior's P99 is flagged, not silently absorbed, and the sampler
    /// still returns a result.
    @Test func aConflictingFigureIsFlagged() throws {
        let scenario = try Self.milestoneScenario()
        let prior = MonteCarlo(scenario: scenario, seed: 3, threads: 2, keep: .all).run(runs: 2000)
        var counts = prior.trajectory(metric: scenario.metrics.firstIndex(of: .milestone("m"))!, month: 5)
        let p99 = OrderStatistics.quantiles(&counts, at: [0.99])[0]
        let observed = try Self.observation(scenario, month: "2023-06", metric: "milestones.m", value: 20 * max(p99, 1), error: 0.05)
        let result = Conditioning(scenario: scenario, observations: observed, particles: 500, seed: 4, threads: 2).run()
        #expect(result.checks[0].isSurprising && result.checks[0].priorShare == 1)
        #expect(result.checks[0].influential == ["milestones.m"])
        #expect(result.posterior.runs == 500)
    }

    /// The same seed gives the same posterior to the bit for any thread count.
    @Test func threadsDoNotChangeTheResult() throws {
        let scenario = try Self.milestoneScenario()
        let observed = try Self.observation(scenario, month: "2023-10", metric: "milestones.m", value: 4, error: 0.05)
        let one = Conditioning(scenario: scenario, observations: observed, particles: 300, seed: 9, threads: 1).run()
        let three = Conditioning(scenario: scenario, observations: observed, particles: 300, seed: 9, threads: 3).run()
        #expect(one.posterior.parameterValues == three.posterior.parameterValues)
        #expect(one.posterior.targetValues == three.posterior.targetValues)
        #expect(one.chains.map { $0.iterations.map(\.temperature) } == three.chains.map { $0.iterations.map(\.temperature) })
    }

    /// Moves keep the prior's dependence: with two parameters correlated (rank 0.7) and a figure on
    /// a third, their rank correlation among the particles stays 0.7 (SE ≈ (1 − ρ²)/√N ≈ 0.01 for
    /// independent draws; 5 SE allowed, doubled for the particles' dependence).
    @Test func movesKeepTheCorrelations() throws {
        let scenario = try EngineTests.quietScenario([
            "wallets.personal.innovation={lognormal: {median: 0.03, sigma: 0.5}}",
            "merchants.outreach={gamma: {mean: 0.02, sd: 0.01}}",
            "milestones={m: {gamma: {shape: 3, scale: 0.2}}}",
            "correlations=[{between: [wallets.personal.innovation, merchants.outreach], rank: 0.7}]",
            "targets=[]",
        ])
        let observed = try Self.observation(scenario, month: "2023-10", metric: "milestones.m", value: 4, error: 0.05)
        let result = Conditioning(scenario: scenario, observations: observed, particles: 3000, seed: 21, threads: 2).run()
        let width = result.posterior.uncertainParameters.count
        func column(_ keyPath: String) -> [Double] {
            let j = result.posterior.uncertainParameters.firstIndex { scenario.parameters[$0].keyPath == keyPath }!
            return (0..<result.posterior.runs).map { result.posterior.parameterValues[$0 * width + j] }
        }
        let rho = Statistics.spearman(column("wallets.personal.innovation"), column("merchants.outreach"))
        #expect(abs(rho - 0.7) <= 10 * (1 - 0.49) / 3000.0.squareRoot(), "rank correlation \(rho)")
    }

    /// A parameter the figures cannot inform (the expansion stage's innovation, after the reported
    /// month) keeps its prior: lognormal(median 0.03, sigma 0.5), mean e^(ln 0.03 + 0.125), each
    /// particle with a value of its own (no copies left by resampling).
    @Test func uninformedParametersKeepTheirPrior() throws {
        let scenario = try EngineTests.quietScenario([
            "milestones={m: {gamma: {shape: 3, scale: 0.2}}}",
            "wallets.personal.innovation={preparation: 0, launch: 0, expansion: {lognormal: {median: 0.03, sigma: 0.5}}, deepening: 0}",
            "targets=[{id: m6, metric: milestones.m, by: 2023-12, at_least: 6}]",
        ])
        let observed = try Self.observation(scenario, month: "2023-10", metric: "milestones.m", value: 4, error: 0.01)
        let n = 2000
        let result = Conditioning(scenario: scenario, observations: observed, particles: n, seed: 12, threads: 2).run()
        let width = result.posterior.uncertainParameters.count
        let j = result.posterior.uncertainParameters.firstIndex { scenario.parameters[$0].keyPath == "wallets.personal.innovation[expansion]" }!
        let values = (0..<n).map { result.posterior.parameterValues[$0 * width + j] }
        #expect(Set(values).count == n)
        let mean = exp(log(0.03) + 0.125), sd = mean * (exp(0.25) - 1).squareRoot()
        let (m, _) = Statistics.meanAndSD(values)
        #expect(abs(m - mean) <= 5 * sd / Double(n).squareRoot(), "mean \(m) vs \(mean)")
        #expect(scenario.parametersUsed(inFirst: 10, milestones: ["m"]).contains(scenario.parameters.firstIndex { $0.keyPath == "milestones.m" }!))
        #expect(!scenario.parametersUsed(inFirst: 10, milestones: []).contains(scenario.parameters.firstIndex { $0.keyPath == "milestones.m" }!))
        #expect(
            !scenario.parametersUsed(inFirst: 10, milestones: ["m"]).contains(
                scenario.parameters.firstIndex { $0.keyPath == "wallets.personal.innovation[expansion]" }!))
    }
}
