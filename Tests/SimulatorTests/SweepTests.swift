import PilotModel
import Testing

@testable import Simulator

struct SweepTests {
    @Test func unknownPathsNameTheClosestValidOnes() throws {
        do {
            _ = try Sweep(
                document: try ScenarioDocument.baseline(), overrides: [], axes: [SweepAxis(path: "merchants.chrun", values: [0.1])])
            Issue.record("no error")
        } catch let error as SweepPathError {
            #expect(error.path == "merchants.chrun")
            #expect(error.closest == ["merchants.churn", "merchants.initial", "merchants.outreach", "merchants.potential", "merchants.wallet_pull"])
        }
    }

    @Test func valuesOutsideTheDomainAreRefusedBeforeRunning() throws {
        #expect(throws: ScenarioValidationError.self) {
            _ = try Sweep(
                document: try ScenarioDocument.baseline(), overrides: [], axes: [SweepAxis(path: "merchants.churn", values: [0.1, 1.5])])
        }
    }

    @Test func gridPointsAndTargetsByIndexOrId() throws {
        let sweep = try Sweep(
            document: try ScenarioDocument.baseline(), overrides: [],
            axes: [
                SweepAxis(path: "targets[0].at_least", values: [1e5, 2e5]), SweepAxis(path: "campaigns[0].winners", values: [0, 10, 20]),
            ])
        #expect(sweep.axes.map(\.path) == ["targets.wallets-2023.at_least", "campaigns[0].winners"])
        #expect(sweep.points == [[1e5, 0], [1e5, 10], [1e5, 20], [2e5, 0], [2e5, 10], [2e5, 20]])
        #expect(sweep.scenarios[4].targets[0].threshold == 2e5 && sweep.scenarios[4].campaigns[0].winners == 10)
    }

    /// With common random numbers, P(wallets-2023 met) rises with launch-stage outreach: every
    /// run's other parameters are the same at every point.
    @Test func walletsTargetIsMonotoneInInnovation() throws {
        let sweep = try Sweep(
            document: try ScenarioDocument.baseline(), overrides: [],
            axes: [SweepAxis(path: "wallets.personal.innovation.launch", values: [0.002, 0.006, 0.01, 0.014, 0.018, 0.022, 0.026, 0.03])]
        )
        let p = sweep.run(seed: 21, runs: 1500, threads: 2).map { $0.targets[0].probability }
        #expect(zip(p, p.dropFirst()).allSatisfy { $0 <= $1 }, "\(p)")
        #expect(p.first! < 0.5 && p.last! > 0.95, "the sweep spans the target: \(p)")
    }
}
