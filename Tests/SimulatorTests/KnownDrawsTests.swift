import PilotModel
import Testing

@testable import Simulator

/// A plan simulated with another plan's kept draws (`MonteCarlo.knownDraws`) gives, to the bit,
/// the result of drawing everything itself: the oracle is the plain simulation of the same plan.
struct KnownDrawsTests {
    static let correlation = "correlations=[{between: [wallets.personal.imitation, merchants.churn], rank: 0.5}]"

    static func scenario(_ settings: [String]) throws -> Scenario {
        try Scenario.baseline(overrides: settings.map { try ScenarioOverride($0, source: "--set") })
    }

    static func simulate(_ scenario: Scenario, known: SimulationResult? = nil) -> SimulationResult {
        var engine = MonteCarlo(scenario: scenario, seed: 41, threads: 2, keep: [.targetValues, .monthlyQuantiles])
        engine.knownDraws = known
        return engine.run(runs: 1_500)
    }

    @Test(arguments: [
        ([], ["campaigns[0].winners=45000"]),  // a count: every draw taken
        ([], ["merchants.outreach[launch]=0.05"]),  // an uncertain parameter made a number
        ([], ["merchants.churn={beta: {mean: 0.02, sd: 0.006}}"]),  // another distribution: drawn again
        (
            [],
            [
                "campaigns[3]={name: extra round, month: 2024-03, winners: 50000, new_user_share: {beta: {mean: 0.4, sd: 0.1}}, voucher_value: 100, redemption: 0.9, leverage: 2}"
            ]
        ),  // a new round's parameters: its own streams
        ([correlation], [correlation, "campaigns[0].winners=45000"]),  // the same correlations: their values taken
        ([correlation], ["correlations=[{between: [wallets.personal.imitation, merchants.churn], rank: 0.2}]"]),  // other correlations
        ([correlation], []),  // correlated in A only: A's reordered values are not B's draws
        ([], [correlation]),  // correlated in B only
    ])
    func takenDrawsGiveTheSameResult(a: [String], b: [String]) throws {
        var engineA = MonteCarlo(scenario: try Self.scenario(a), seed: 41, threads: 2, keep: [.targetValues, .parameterValues])
        let planA = engineA.run(runs: 1_500)
        let planB = try Self.scenario(b)
        let drawn = Self.simulate(planB), taken = Self.simulate(planB, known: planA)
        #expect(taken.targetValues == drawn.targetValues)
        #expect(taken.monthly.map(\.quantiles) == drawn.monthly.map(\.quantiles))
        #expect(taken.summary.targets.map(\.met) == drawn.summary.targets.map(\.met))
        engineA.seed = 42
        #expect(KnownDraws(engineA.run(runs: 10), for: planB, seed: 41) == nil, "another seed's draws are not taken")
    }
}
