import Foundation
import PilotModel
import TestSupport
import Testing

@testable import Simulator

/// The month step against cases with analytic answers (docs/model.md §3). Each mean is compared with
/// its analytic value within 4 standard errors of the mean over the runs.
struct EngineTests {
    /// The minimal test scenario with every adoption, use and merchant force switched off, then `overrides`.
    static func quietScenario(_ overrides: [String]) throws -> Scenario {
        let off = [
            "wallets.personal.innovation=0", "wallets.personal.imitation=0", "wallets.personal.merchant_pull=0",
            "wallets.personal.active_share=0", "wallets.corporate.innovation=0", "wallets.corporate.imitation=0",
            "wallets.corporate.merchant_pull=0", "wallets.corporate.active_share=0",
            "merchants.outreach=0", "merchants.wallet_pull=0", "merchants.churn=0",
        ]
        return try Scenario.parse(ScenarioText.minimal, file: "quiet.yaml", overrides: (off + overrides).map { try ScenarioOverride($0) })
    }

    private func values(_ result: SimulationResult, _ metric: Metric, month: Int) -> [Double] {
        result.trajectory(metric: result.scenario.metrics.firstIndex(of: metric)!, month: month)
    }

    private func expectMean(
        _ values: [Double], _ expected: Double, sd: Double, _ what: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let mean = values.reduce(0, +) / Double(values.count)
        let se = sd / Double(values.count).squareRoot()
        #expect(
            abs(mean - expected) <= 4 * se, "\(what): mean \(mean) vs \(expected) (\((mean - expected) / se) SE)",
            sourceLocation: sourceLocation)
    }

    /// Only a constant innovation p: each of Np people adopts by month t with probability
    /// F = 1 − e^(−pt), so Wp(t) ~ Binomial(Np, F): mean Np·F, sd √(Np·F(1 − F)).
    @Test func constantInnovationOnlyFollowsTheExponentialCurve() throws {
        let scenario = try Self.quietScenario(["wallets.personal.innovation=0.05", "wallets.personal.population=10000"])
        let result = MonteCarlo(scenario: scenario, seed: 7, threads: 2, keep: .all).run(runs: 4000)
        for t in [1, 6, 12, 36] {
            let f = 1 - exp(-0.05 * Double(t))
            expectMean(values(result, .walletsPersonal, month: t - 1), 10000 * f, sd: (10000 * f * (1 - f)).squareRoot(), "Wp(\(t))")
        }
    }

    /// Only a campaign: new wallets ~ Binomial(winners, share), amount = Binomial(winners,
    /// redemption)·value·leverage.
    @Test func campaignOnlyGivesTheExpectedCampaignAmount() throws {
        let campaign = "campaigns=[{name: test, month: 2023-09, winners: 2000, new_user_share: 0.4, voucher_value: 50, redemption: 0.8, leverage: 2.5}]"
        let result = MonteCarlo(scenario: try Self.quietScenario([campaign]), seed: 11, threads: 2, keep: .all).run(runs: 4000)
        let end = result.scenario.calendar.monthCount - 1
        let perVoucher = 50 * 2.5
        expectMean(
            values(result, .amountCampaign, month: end), 2000 * 0.8 * perVoucher,
            sd: perVoucher * (2000 * 0.8 * 0.2).squareRoot(), "campaign amount")
        expectMean(
            values(result, .amount, month: end), 2000 * 0.8 * perVoucher,
            sd: perVoucher * (2000 * 0.8 * 0.2).squareRoot(), "total amount")
        expectMean(values(result, .transactions, month: end), 2000 * 0.8, sd: (2000 * 0.8 * 0.2).squareRoot(), "transactions")
        expectMean(
            values(result, .walletsPersonal, month: end), 1000 * 0.4, sd: (1000 * 0.4 * 0.6).squareRoot(),
            "new wallets (capped by the 1,000 people without one)")
        #expect(values(result, .amountCampaign, month: 7).allSatisfy { $0 == 0 }, "nothing before the campaign month")
    }

    /// Only churn: each of M₀ merchants survives a month with probability 1 − c, so
    /// M(t) ~ Binomial(M₀, (1 − c)^t).
    @Test func churnOnlyMerchantsDecayGeometrically() throws {
        let scenario = try Self.quietScenario(["merchants.initial=200", "merchants.churn=0.03"])
        let result = MonteCarlo(scenario: scenario, seed: 13, threads: 2, keep: .all).run(runs: 4000)
        for t in [1, 12, 36] {
            let s = pow(0.97, Double(t))
            expectMean(values(result, .merchants, month: t - 1), 200 * s, sd: (200 * s * (1 - s)).squareRoot(), "M(\(t))")
        }
    }

    /// Use only, with every wallet open from the start: Up ~ Binom(Np, a), Xp ~ Pois(Up·τ) with
    /// φ = 1, so the month's transactions have mean Np·a·τ and variance Np·a·τ + Np·a(1 − a)·τ², and
    /// the month's amount mean Np·a·τ·ticket.
    @Test func useOfOpenWalletsGivesTheExpectedTransactions() throws {
        let scenario = try Self.quietScenario([
            "wallets.personal.population=5000", "wallets.personal.initial=5000",
            "wallets.personal.active_share=0.2", "wallets.personal.tx_per_active=3",
            "wallets.personal.nonmerchant_share=1", "wallets.personal.ticket={mean: 100, cv: 0}",
        ])
        let result = MonteCarlo(scenario: scenario, seed: 19, threads: 2, keep: .all).run(runs: 4000)
        let (n, a, tau) = (5000.0, 0.2, 3.0)
        let sd = (n * a * tau + n * a * (1 - a) * tau * tau).squareRoot()
        expectMean(values(result, .transactionsMonthly, month: 4), n * a * tau, sd: sd, "transactions in a month")
        expectMean(values(result, .amountMonthly, month: 4), n * a * tau * 100, sd: sd * 100, "amount in a month (every ticket 100)")
        expectMean(values(result, .walletsActive, month: 4), n * a, sd: (n * a * (1 - a)).squareRoot(), "active wallets")
    }

    /// φ = 0: personal use needs a merchant, so with none accepting there is none, and with every
    /// merchant accepting it is the same as φ = 1.
    @Test func personalUseScalesWithMerchantAcceptance() throws {
        let common = [
            "wallets.personal.population=5000", "wallets.personal.initial=5000", "wallets.personal.active_share=0.2",
            "wallets.personal.tx_per_active=3", "wallets.personal.nonmerchant_share=0",
        ]
        let none = MonteCarlo(scenario: try Self.quietScenario(common), seed: 29, threads: 2, keep: .all).run(runs: 500)
        #expect(values(none, .transactions, month: 35).allSatisfy { $0 == 0 })
        let all = MonteCarlo(
            scenario: try Self.quietScenario(common + ["merchants.initial=200"]), seed: 29, threads: 2,
            keep: .all
        ).run(runs: 4000)
        let (n, a, tau) = (5000.0, 0.2, 3.0)
        expectMean(
            values(all, .transactionsMonthly, month: 2), n * a * tau,
            sd: (n * a * tau + n * a * (1 - a) * tau * tau).squareRoot(), "transactions with every merchant accepting")
    }

    /// A milestone with rate λ per month: its count after t months is Poisson(λt).
    @Test func milestonesCountAPoissonProcess() throws {
        let scenario = try Self.quietScenario(["milestones={m: {preparation: 0.1, launch: 0.5, expansion: 0.2, deepening: 1}}"])
        let result = MonteCarlo(scenario: scenario, seed: 23, threads: 2, keep: .all).run(runs: 4000)
        let byEnd2023 = 6 * 0.1 + 6 * 0.5, byEnd2025 = byEnd2023 + 18 * 0.2 + 6 * 1
        expectMean(values(result, .milestone("m"), month: 11), byEnd2023, sd: byEnd2023.squareRoot(), "milestones by 2023-12")
        expectMean(values(result, .milestone("m"), month: 35), byEnd2025, sd: byEnd2025.squareRoot(), "milestones by 2025-12")
    }

    /// Public flows only: Gamma(1/cv², amount·cv²) a month has mean `amount` and sd amount·cv.
    @Test func publicFlowsOnlyAddTheirMonthlyAmount() throws {
        let scenario = try Self.quietScenario(["public_flows={amount: 1000000, cv: 0.3, count: 50}"])
        let result = MonteCarlo(scenario: scenario, seed: 17, threads: 2, keep: .all).run(runs: 4000)
        expectMean(values(result, .amountPublic, month: 11), 12 * 1e6, sd: 1e6 * 0.3 * 12.0.squareRoot(), "12 months of public flows")
        expectMean(values(result, .transactions, month: 11), 12 * 50, sd: (12 * 50.0).squareRoot(), "public transactions")
    }

    /// Every metric keeps its invariants in every month of every run of the baseline.
    @Test func baselineInvariants() throws {
        let scenario = try Scenario.baseline()
        let result = MonteCarlo(scenario: scenario, seed: 1, threads: 2, keep: .all).run(runs: 300)
        let np = Double(scenario.personal.population), nc = Double(scenario.corporate.population)
        for month in 0..<scenario.calendar.monthCount {
            let personal = values(result, .walletsPersonal, month: month), corporate = values(result, .walletsCorporate, month: month)
            #expect(personal.allSatisfy { $0 >= 0 && $0 <= np } && corporate.allSatisfy { $0 >= 0 && $0 <= nc })
            #expect(values(result, .merchants, month: month).allSatisfy { $0 >= 0 && $0 <= Double(scenario.merchants.potential) })
            let total = values(result, .amount, month: month)
            let channels = [Metric.amountPersonal, .amountCorporate, .amountPublic, .amountCampaign].map { values(result, $0, month: month) }
            for run in total.indices {
                let sum = channels.reduce(0) { $0 + $1[run] }
                #expect(abs(total[run] - sum) <= 1e-6 * max(1, sum))
            }
            if month > 0 {
                let before = values(result, .wallets, month: month - 1), now = values(result, .wallets, month: month)
                #expect(zip(before, now).allSatisfy { $0 <= $1 }, "wallets opened never fall")
            }
        }
    }
}
