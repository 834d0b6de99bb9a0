import Foundation
import PilotModel
import TestSupport
import Testing

@testable import Simulator

/// The conditioning sampler's own account of its Monte Carlo error and of the fit: honest where
/// it is healthy, flagged where it is not.
struct ConditioningHealthTests {
    /// Wallets and a milestone that no figure touches: the milestone's P(met) is a closed form of
    /// its prior (Poisson with a gamma rate), whatever the figures on wallets say.
    static func scenario() throws -> Scenario {
        try EngineTests.quietScenario([
            "wallets.personal.population=20000",
            "wallets.personal.innovation={lognormal: {median: 0.03, sigma: 0.5}}",
            "merchants.outreach={gamma: {mean: 0.04, sd: 0.015}}",
            "milestones={m: {gamma: {shape: 3, scale: 0.2}}}",
            "targets=[{id: m12, metric: milestones.m, by: 2023-12, at_least: 3}, {id: w12, metric: wallets, by: 2023-12, at_least: 5000}]",
        ])
    }

    /// P(N(12) ≥ 3) for N(12) ~ Poisson(12λ), λ ~ Gamma(3, scale 0.2): N is negative binomial with
    /// r = 3, success probability 1/(1 + 12·0.2), so P(N ≤ 2) = p³(1 + 3q + 6q²).
    static let milestoneExact: Double = {
        let p = 1 / (1 + 12 * 0.2), q = 1 - p
        return 1 - pow(p, 3) * (1 + 3 * q + 6 * q * q)
    }()

    static func figures(_ scenario: Scenario, _ rows: [(String, String, Double, Double)]) throws -> [Observation] {
        let text = (["month,metric,value,rel_error"] + rows.map { "\($0.0),\($0.1),\(formatNumber($0.2)),\(formatNumber($0.3))" }).joined(separator: "\n")
        return try ObservationFile.parse(text, file: "obs.csv", scenario: scenario)
    }

    /// A target no figure depends on keeps its prior P(met) within the reported error, for figures
    /// the prior explains and for figures far in its tail; and a healthy case carries no warning.
    @Test func anUntouchedTargetKeepsItsPrior() throws {
        let s = try Self.scenario()
        for (value, error) in [(1_500.0, 0.05), (9_000.0, 0.01)] {
            let observed = try Self.figures(s, [("2023-04", "wallets", value, error)])
            let result = Conditioning(scenario: s, observations: observed, particles: 4000, seed: 5, threads: 2).run()
            let e = result.targetErrors[0]
            #expect(!e.touchedByFigures)
            let p = Double(result.posterior.targetValues[0].filter { $0 >= 3 }.count) / Double(result.posterior.runs)
            let halfWidth = (e.interval.upperBound - e.interval.lowerBound) / 2
            #expect(abs(p - Self.milestoneExact) <= halfWidth * 1.25, "P(met) \(p) vs exact \(Self.milestoneExact), interval \(e.interval)")
            if value == 1_500 { #expect(result.warnings.isEmpty, "\(result.warnings)") }
        }
    }

    /// Figures the scenario cannot produce together (wallets that fall from 6,000 to 2,000 while a
    /// count can only grow): the conditioned model cannot reproduce them, and says so; a
    /// consistent pair is not flagged.
    @Test func inconsistentFiguresAreFlaggedConsistentOnesAreNot() throws {
        let s = try Self.scenario()
        let bad = try Self.figures(s, [("2023-03", "wallets", 6_000, 0.01), ("2023-08", "wallets", 2_000, 0.01)])
        let flagged = Conditioning(scenario: s, observations: bad, particles: 2000, seed: 7, threads: 2).run()
        let misfit = flagged.checks.contains { $0.isMisfit }
        #expect(misfit)
        let warnsOfMisfit = flagged.warnings.contains { if case .misfit = $0 { true } else { false } }
        #expect(warnsOfMisfit)
        let good = try Self.figures(s, [("2023-03", "wallets", 1_500, 0.05), ("2023-08", "wallets", 3_500, 0.05)])
        let fine = Conditioning(scenario: s, observations: good, particles: 2000, seed: 7, threads: 2).run()
        let bands = fine.checks.map { "\($0.replicateP005)–\($0.replicateP995)" }
        #expect(fine.checks.allSatisfy { !$0.isMisfit }, "\(bands)")
    }

    /// Over seeds, a very precise figure (rel_error 0.001) and a figure far in the prior's tail
    /// (a 2.4-sigma innovation rate needed): the spread of a touched target's P(met) between seeds
    /// stays within 1.5 times the error each run reports, or every run says its sample is
    /// degenerate and marks that verdict unreliable.
    @Test(arguments: [(2_600.0, 0.001), (9_000.0, 0.01)])
    func theReportedErrorIsAsWideAsTheSeedToSeedSpread(value: Double, error: Double) throws {
        let s = try Self.scenario()
        let observed = try Self.figures(s, [("2023-06", "wallets", value, error)])
        var estimates: [Double] = [], halfWidths: [Double] = [], flagged = 0
        for seed in 1...10 {
            let result = Conditioning(scenario: s, observations: observed, particles: 1200, seed: UInt64(seed), threads: 2).run()
            let e = result.targetErrors[1]
            estimates.append(Double(result.posterior.targetValues[1].filter { $0 >= 5000 }.count) / Double(result.posterior.runs))
            halfWidths.append((e.interval.upperBound - e.interval.lowerBound) / 2)
            if !result.isReliable(target: 1) { flagged += 1 }
        }
        let spread = Statistics.meanAndSD(estimates).sd * Statistics.z95
        let reported = halfWidths.reduce(0, +) / Double(halfWidths.count)
        #expect(spread <= 1.5 * reported || flagged == 10, "seed-to-seed 95% half-width \(spread) vs reported \(reported); flagged \(flagged) of 10")
    }

    /// The noise move is exact: with the parameters fixed, a figure on a month's count pins that
    /// month's noise, and the conditioned count at the month follows the likelihood-weighted prior
    /// (importance sampling of plain runs, an independent method) within Monte Carlo error.
    @Test func noiseMovesMatchImportanceSampling() throws {
        let s = try EngineTests.quietScenario([
            "wallets.personal.population=5000", "wallets.personal.innovation=0.02",
            "targets=[{id: w, metric: wallets, by: 2023-06, at_least: 600}]",
        ])
        let observed = try Self.figures(s, [("2023-04", "wallets", 430, 0.03)])
        let result = Conditioning(scenario: s, observations: observed, particles: 4000, seed: 3, threads: 2).run()
        let p = Double(result.posterior.targetValues[0].filter { $0 >= 600 }.count) / Double(result.posterior.runs)
        // Importance sampling over 200,000 plain runs, weighted by the same lognormal likelihood.
        let prior = MonteCarlo(scenario: s, seed: 99, threads: 2, keep: .all).run(runs: 200_000)
        let column = s.metrics.firstIndex(of: .wallets)!
        let at4 = prior.trajectory(metric: column, month: 3), at6 = prior.trajectory(metric: column, month: 5)
        let variance = log1p(0.03 * 0.03)
        let weights = at4.map { exp(-pow(log1p($0) - log1p(430), 2) / (2 * variance)) }
        let total = weights.reduce(0, +)
        let exact = zip(weights, at6).reduce(0) { $0 + ($1.1 >= 600 ? $1.0 : 0) } / total
        let e = result.targetErrors[0]
        let se = max((e.interval.upperBound - e.interval.lowerBound) / (2 * Statistics.z95), 0.005)
        #expect(abs(p - exact) <= 4 * se, "conditioned \(p) vs importance sampling \(exact) (SE \(se))")
    }
}
