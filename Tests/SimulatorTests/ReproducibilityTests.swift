import PilotModel
import Testing

@testable import Simulator

/// docs/model.md §6: a run is a pure function of (scenario, seed, run index).
struct ReproducibilityTests {
    private func run(seed: UInt64, threads: Int, runs: Int = 400) throws -> SimulationResult {
        MonteCarlo(scenario: try Scenario.baseline(), seed: seed, threads: threads, keep: .all).run(runs: runs)
    }

    @Test func threadCountDoesNotChangeABit() throws {
        let one = try run(seed: 99, threads: 1), four = try run(seed: 99, threads: 4)
        #expect(one.parameterValues == four.parameterValues)
        #expect(one.targetValues == four.targetValues)
        #expect(one.summary.targets.map(\.medianFirstMonth) == four.summary.targets.map(\.medianFirstMonth))
        #expect(one.monthly.map(\.quantiles) == four.monthly.map(\.quantiles) && one.monthly.map(\.sd) == four.monthly.map(\.sd))
        let cells = one.scenario.metrics.indices.flatMap { m in (0..<one.scenario.calendar.monthCount).map { (m, $0) } }
        #expect(cells.allSatisfy { one.trajectory(metric: $0.0, month: $0.1) == four.trajectory(metric: $0.0, month: $0.1) })
    }

    @Test func aRunDoesNotDependOnHowManyRunsThereAre() throws {
        let short = try run(seed: 5, threads: 2, runs: 50), long = try run(seed: 5, threads: 3, runs: 400)
        #expect(short.targetValues.map { Array($0) } == long.targetValues.map { Array($0.prefix(50)) })
    }

    @Test func differentSeedsDiffer() throws {
        let a = try run(seed: 1, threads: 2), b = try run(seed: 2, threads: 2)
        #expect(a.parameterValues != b.parameterValues)
        #expect(a.targetValues[0] != b.targetValues[0])
    }

    /// `gsl_rng_set` would keep only the low 32 bits of these seeds and give identical runs.
    @Test func seedsEqualModulo2To32Differ() throws {
        let a = try run(seed: 12345, threads: 2), b = try run(seed: 12345 + (1 << 32), threads: 2)
        #expect(a.parameterValues != b.parameterValues)
        #expect(zip(a.targetValues[0], b.targetValues[0]).filter { $0 == $1 }.count < 10)
    }

    /// Common random numbers: changing one parameter leaves every other parameter's draws alone.
    @Test func parameterDrawsAreKeyedByTheirOwnPath() throws {
        let base = try Scenario.baseline()
        let changed = try Scenario.baseline(overrides: [try ScenarioOverride("merchants.churn={beta: {mean: 0.02, sd: 0.01}}")])
        let a = MonteCarlo(scenario: base, seed: 3, threads: 2).run(runs: 100)
        let b = MonteCarlo(scenario: changed, seed: 3, threads: 2).run(runs: 100)
        let churn = base.parameters.firstIndex { $0.keyPath == "merchants.churn" }!
        let columns = a.uncertainParameters.count
        for (j, index) in a.uncertainParameters.enumerated() {
            let same = (0..<100).allSatisfy { a.parameterValues[$0 * columns + j] == b.parameterValues[$0 * columns + j] }
            #expect(same == (index != churn), "\(base.parameters[index].keyPath)")
        }
    }

    /// Each model step draws from its own stream: changing how amounts, milestones or campaigns
    /// are drawn leaves wallet and merchant counts unchanged to the bit.
    @Test func stepsDoNotShareDraws() throws {
        let base = try Scenario.baseline()
        let changed = try Scenario.baseline(
            overrides: try [
                "wallets.personal.ticket.cv=0.7", "milestones.typical_cases.launch=2", "public_flows.cv=1.2",
                "wallets.personal.active_share={beta: {mean: 0.3, sd: 0.1}}",
            ].map { try ScenarioOverride($0) })
        let a = MonteCarlo(scenario: base, seed: 8, threads: 2).run(runs: 200)
        let b = MonteCarlo(scenario: changed, seed: 8, threads: 2).run(runs: 200)
        for id in ["wallets-2023", "merchants-2023", "wallets-2025h1", "innovation-2023"] {
            let j = base.targets.firstIndex { $0.id == id }!
            #expect(a.targetValues[j] == b.targetValues[j], "\(id)")
        }
        let cases = base.targets.firstIndex { $0.id == "cases-2023" }!
        #expect(a.targetValues[cases] != b.targetValues[cases])
    }
}

/// `run --precision`: the stopping rule, and identity with a plain run of the same count.
struct PrecisionTests {
    @Test func stopsWhenEveryIntervalIsNarrowEnoughAndEqualsAPlainRun() throws {
        let engine = MonteCarlo(scenario: try Scenario.baseline(), seed: 77, threads: 2)
        let (result, reached) = engine.run(precision: 0.02, maxRuns: 100_000)
        #expect(reached)
        let summary = result.summary
        #expect(MonteCarlo.widestHalfWidth(summary) <= 0.02)
        #expect(result.runs % 1000 == 0 && result.runs > 1000)
        let plain = engine.run(runs: result.runs)
        #expect(plain.targetValues == result.targetValues && plain.parameterValues == result.parameterValues)
        // The first batch was not enough, so the rule did grow the count.
        #expect(MonteCarlo.widestHalfWidth(engine.run(runs: 1000).summary) > 0.02)
    }

    @Test func maxRunsStopsTheSearch() throws {
        let engine = MonteCarlo(scenario: try Scenario.baseline(), seed: 77, threads: 2)
        let (result, reached) = engine.run(precision: 0.001, maxRuns: 3000)
        #expect(!reached && result.runs == 3000)
    }
}
