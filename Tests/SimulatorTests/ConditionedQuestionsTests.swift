import Foundation
import PilotModel
import TestSupport
import Testing

@testable import Simulator

/// Questions asked given reported figures: levers after the last reported month run on the
/// conditioned particles with common random numbers; levers before it are refused.
struct ConditionedQuestionsTests {
    /// A voucher round in March 2024, inserted *first* in the campaign list.
    static let extraCampaign =
        "  - {name: extra round, month: 2024-03, winners: 50000, new_user_share: 0.5, voucher_value: 100, redemption: 0.9, leverage: 2}\n"

    static func withExtraCampaignFirst() throws -> Scenario {
        let text = Scenario.baselineText
        let marker = "campaigns:                         # consumption vouchers"
        let start = try #require(text.range(of: marker))
        let lineEnd = try #require(text[start.upperBound...].firstIndex(of: "\n"))
        var edited = text
        edited.insert(contentsOf: extraCampaign, at: text.index(after: lineEnd))
        return try Scenario.parse(edited, file: "b.yaml")
    }

    /// Campaigns are keyed by name: inserting one first leaves every other campaign's parameter
    /// draws, and every 2023 month, exactly as they were.
    @Test func aCampaignInsertedFirstChangesNoOtherDraw() throws {
        let a = try Scenario.baseline(), b = try Self.withExtraCampaignFirst()
        #expect(b.campaigns.first?.name == "extra round")
        let runA = MonteCarlo(scenario: a, seed: 3, threads: 2, keep: .all).run(runs: 500)
        let runB = MonteCarlo(scenario: b, seed: 3, threads: 2, keep: .all).run(runs: 500)
        for (i, spec) in a.parameters.enumerated() where spec.distribution.isUncertain {
            // Every parameter by the name its stream is keyed by: a campaign's by the campaign's name.
            let j = try #require(b.parameters.firstIndex { $0.streamKeyText == spec.streamKeyText })
            let columnA = try #require(runA.uncertainParameters.firstIndex(of: i)), columnB = try #require(runB.uncertainParameters.firstIndex(of: j))
            let valuesA = (0..<500).map { runA.parameterValues[$0 * runA.uncertainParameters.count + columnA] }
            let valuesB = (0..<500).map { runB.parameterValues[$0 * runB.uncertainParameters.count + columnB] }
            #expect(valuesA == valuesB, "\(spec.keyPath)")
        }
        for (j, target) in a.targets.enumerated() where target.deadline.description == "2023-12" {
            #expect(runA.targetValues[j] == runB.targetValues[j], "\(target.id)")
        }
    }

    /// Given the baseline's reported figures, the extra 2024 round runs on the same particles: every
    /// 2023 target's runs are identical, the 2025 wallets move, and the result is what the
    /// particles give when each is simulated by hand under A and B with the same keys.
    @Test func aConditionedCompareSharesParticlesAndKeys() throws {
        let a = try Scenario.baseline(), b = try Self.withExtraCampaignFirst()
        let conditioned = Conditioning(scenario: a, observations: a.observations, particles: 400, chains: 2, seed: 17, threads: 2).run()
        let sample = conditioned.sample
        try sample.check(b)
        var engine = MonteCarlo(scenario: b, seed: 17, threads: 2, keep: .targetValues)
        engine.sample = sample
        let runB = engine.run(runs: sample.count)
        let runA = conditioned.posterior
        for (j, target) in a.targets.enumerated() where target.deadline.description == "2023-12" {
            #expect(runA.targetValues[j] == runB.targetValues[j], "\(target.id)")
        }
        let wallets2025 = try #require(a.targets.firstIndex { $0.id == "wallets-2025h1" })
        let differences = zip(runA.targetValues[wallets2025], runB.targetValues[wallets2025]).map { $1 - $0 }
        #expect(differences.reduce(0, +) / Double(differences.count) > 10_000, "mean difference \(differences.reduce(0, +) / Double(differences.count))")
        // By hand: particle r under each scenario, from the sample's inputs, one run at a time.
        for (scenario, result) in [(a, runA), (b, runB)] {
            let evaluator = RunEvaluator(scenario), inputs = sample.inputs(for: scenario)()
            var values = [Double](repeating: 0, count: scenario.parameters.count)
            for row in stride(from: 0, to: sample.count, by: 37) {
                let noise = inputs(row, &values)
                evaluator.simulate(values, noise: noise)
                #expect(evaluator.outcome(target: wallets2025).value == result.targetValues[wallets2025][row])
            }
        }
    }

    /// A lever that acts before the last reported month is refused, naming it and the months;
    /// one that acts only after it (the September 2023 round) is accepted.
    @Test func aLeverOnTheReportedMonthsIsRefused() throws {
        let a = try Scenario.baseline()
        let conditioned = Conditioning(scenario: a, observations: a.observations, particles: 200, chains: 2, seed: 5, threads: 2).run()
        let early = try Scenario.baseline(overrides: [try ScenarioOverride("merchants.outreach.launch=0.08", source: "--set")])
        do {
            try conditioned.sample.check(early)
            Issue.record("a launch-stage change was accepted")
        } catch let refusal as ConditionedSample.Refusal {
            #expect(refusal.parameters == ["merchants.outreach[launch]"])
            #expect(refusal.lastReportedMonth.description == "2023-08")
            #expect(refusal.months.map(\.description) == ["2023-07", "2023-08"])
        }
        let late = try Scenario.baseline(overrides: [try ScenarioOverride("campaigns[0].winners=60000", source: "--set")])
        try conditioned.sample.check(late)
    }

    /// The shipped baseline's plan-time (prior) P5–P95 at 2023-08 covers the three figures Haimen
    /// reported (docs/sources.md): 166,200 wallets, 3,662 merchants, 3.74 bn yuan.
    @Test func theBaselinePriorCoversHaimensAugustFigures() throws {
        let s = try Scenario.baseline()
        let result = MonteCarlo(scenario: s, seed: 20_230_817, threads: 2, keep: .monthlyQuantiles).run(runs: 4000)
        for (metric, value) in [(Metric.wallets, 166_200.0), (.merchants, 3_662), (.amount, 3_740_000_000)] {
            let q = try #require(result.monthly.first { $0.metric == metric && $0.month == Month("2023-08")! })
            let (p05, p95) = (q.quantiles[0], q.quantiles[6])
            #expect(MonthlyQuantiles.probabilities[0] == 0.05 && MonthlyQuantiles.probabilities[6] == 0.95)
            #expect(p05 <= value && value <= p95, "\(metric): P5 \(p05), P95 \(p95)")
        }
        #expect(s.observations.map(\.value) == [166_200, 3_662, 3_740_000_000])
    }
}
