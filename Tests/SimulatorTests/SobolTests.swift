import Foundation
import PilotModel
import Testing
import TestSupport
@testable import Simulator

struct SobolTests {
    /// Ishigami & Homma (1990): f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ on [−π, π]³, a = 7, b = 0.1.
    /// Analytic indices: S₁ = (0.3139, 0.4424, 0), Sₜ = (0.5576, 0.4424, 0.2437).
    /// With 2¹³ Sobol rows the estimates must lie within 0.02 of these (the bootstrap intervals
    /// are about ±0.015 wide here), and each analytic value inside its 95% interval widened by 0.01.
    @Test func ishigami() {
        let estimate = SobolAnalysis.estimate(inputs: 3, outputs: 1, samples: 8192, seed: 1, threads: 2) { _ in
            { u in
                let x = u.map { -Double.pi + 2 * Double.pi * $0 }
                return [sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])]
            }
        }
        #expect(estimate.design == .sobol && estimate.evaluations == 8192 * 5)
        let s1 = [0.3139, 0.4424, 0.0], st = [0.5576, 0.4424, 0.2437]
        for i in 0..<3 {
            let got = estimate.indices[0][i]
            #expect(abs(got.firstOrder - s1[i]) <= 0.02, "S1[\(i)] = \(got.firstOrder)")
            #expect(abs(got.total - st[i]) <= 0.02, "ST[\(i)] = \(got.total)")
            #expect(got.firstOrderInterval.lowerBound - 0.01 <= s1[i] && s1[i] <= got.firstOrderInterval.upperBound + 0.01)
            #expect(got.totalInterval.lowerBound - 0.01 <= st[i] && st[i] <= got.totalInterval.upperBound + 0.01)
        }
    }

    @Test func manyInputsUseAPseudoRandomDesign() {
        let estimate = SobolAnalysis.estimate(inputs: 25, outputs: 1, samples: 4000, seed: 2, threads: 2) { _ in { u in [u[3]] } }
        #expect(estimate.design == .pseudoRandom)
        #expect(abs(estimate.indices[0][3].total - 1) < 0.05 && estimate.indices[0][3].firstOrder > 0.9)
        #expect(estimate.indices[0].enumerated().allSatisfy { $0.offset == 3 || $0.element.total == 0 })
    }

    /// A target that depends on one parameter (and chance) only: that parameter and the noise carry
    /// the whole variance; every other parameter, which cannot change a single run, has Sₜ = 0.
    @Test func oneParameterAndTheNoiseCarryAWalletTarget() throws {
        let scenario = try EngineTests.quietScenario([
            "wallets.personal.population=20000",
            "wallets.personal.innovation={lognormal: {median: 0.03, sigma: 0.5}}",
            "merchants.churn={beta: {mean: 0.02, sd: 0.01}}",
            "wallets.corporate.ticket.mean={gamma: {mean: 1000, sd: 300}}",
            "milestones={m: {lognormal: {median: 0.2, sigma: 0.4}}}",
            "targets=[{id: w, metric: wallets.personal, by: 2023-12, at_least: 6000}]",
        ])
        let analysis = GlobalSensitivity(scenario: scenario)
        #expect(analysis.inputNames == ["wallets.personal.innovation", "wallets.corporate.ticket.mean", "merchants.churn",
                                        "milestones.m", GlobalSensitivity.noiseName])
        let estimate = analysis.run(samples: 2000, seed: 5, threads: 2)
        let indices = estimate.indices[0]
        for other in 1...3 {
            #expect(indices[other].total == 0 && indices[other].firstOrder == 0, "\(analysis.inputNames[other])")
        }
        let sum = indices[0].total + indices[4].total
        let low = indices[0].totalInterval.lowerBound + indices[4].totalInterval.lowerBound
        let high = indices[0].totalInterval.upperBound + indices[4].totalInterval.upperBound
        #expect(low <= 1 && 1 <= high, "ST sum \(sum) in [\(low), \(high)]")
        #expect(indices[0].total > 0.9, "the parameter dominates a 20,000-person binomial")
    }
}
