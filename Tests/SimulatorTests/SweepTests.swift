import PilotModel
import Testing
@testable import Simulator

struct SweepTests {
    @Test func specsGiveTheirValues() throws {
        #expect(try SweepAxis(parsing: "a.b=0:1:5").values == [0, 0.25, 0.5, 0.75, 1])
        let log = try SweepAxis(parsing: "a.b=0.01:1:3:log").values
        #expect(log[0] == 0.01 && abs(log[1] - 0.1) < 1e-15 && log[2] == 1)
        #expect(try SweepAxis(parsing: "campaigns[0].winners=1000,2e4,30000").values == [1000, 20000, 30000])
        #expect(try SweepAxis(parsing: "a.b=0.5").values == [0.5])
        // Interior points are the decimals meant, not their rounding noise.
        let line = try SweepAxis(parsing: "a.b=0.002:0.03:29").values
        #expect(line[7] == 0.009 && line.map(formatNumber)[7] == "0.009")
        #expect(line.map(formatNumber).allSatisfy { $0.count <= 5 }, "\(line.map(formatNumber))")
    }

    @Test func badSpecsSayWhatWasExpected() {
        for (argument, problem) in [("a.b=0.1:0.2", "'0.1:0.2' is not a range"),
                                    ("a.b=0:1:1", "STEPS '1' is not a whole number from 2 to 10000"),
                                    ("a.b=0:1:5:log", "a log range needs FROM > 0 and TO > 0"),
                                    ("a.b=1,x", "'x' is not a number"),
                                    ("a.b=0x10:0x20:3", "'0x10' is not a number"),
                                    ("a.b=5,7junk", "'7junk' is not a number"),
                                    ("=1,2", "has no KEY.PATH=SPEC")] {
            #expect(throws: SweepSpecError.self) { try SweepAxis(parsing: argument) }
            do { _ = try SweepAxis(parsing: argument) } catch {
                #expect(error.argument == argument && error.problem == problem)
            }
        }
    }

    @Test func unknownPathsNameTheClosestValidOnes() throws {
        do {
            _ = try Sweep(document: try ScenarioDocument.baseline(), overrides: [], axes: [SweepAxis(path: "merchants.chrun", values: [0.1])], pointSource: "--vary")
            Issue.record("no error")
        } catch let error as SweepPathError {
            #expect(error.path == "merchants.chrun")
            #expect(error.closest == ["merchants.churn", "merchants.initial", "merchants.outreach", "merchants.potential", "merchants.wallet_pull"])
        }
    }

    @Test func valuesOutsideTheDomainAreRefusedBeforeRunning() throws {
        #expect(throws: ScenarioValidationError.self) {
            _ = try Sweep(document: try ScenarioDocument.baseline(), overrides: [], axes: [SweepAxis(path: "merchants.churn", values: [0.1, 1.5])], pointSource: "--vary")
        }
    }

    @Test func gridPointsAndTargetsByIndexOrId() throws {
        let sweep = try Sweep(document: try ScenarioDocument.baseline(), overrides: [], axes: [
            SweepAxis(path: "targets[0].at_least", values: [1e5, 2e5]), SweepAxis(path: "campaigns[0].winners", values: [0, 10, 20]),
        ], pointSource: "--vary")
        #expect(sweep.axes.map(\.path) == ["targets.wallets-2023.at_least", "campaigns[0].winners"])
        #expect(sweep.points == [[1e5, 0], [1e5, 10], [1e5, 20], [2e5, 0], [2e5, 10], [2e5, 20]])
        #expect(sweep.scenarios[4].targets[0].threshold == 2e5 && sweep.scenarios[4].campaigns[0].winners == 10)
    }

    /// With common random numbers, P(wallets-2023 met) rises with launch-stage outreach: every
    /// run's other parameters are the same at every point.
    @Test func walletsTargetIsMonotoneInInnovation() throws {
        let sweep = try Sweep(document: try ScenarioDocument.baseline(), overrides: [],
                              axes: [SweepAxis(parsing: "wallets.personal.innovation.launch=0.002:0.03:8")], pointSource: "--vary")
        let p = sweep.run(seed: 21, runs: 1500, threads: 2).map { $0.targets[0].probability }
        #expect(zip(p, p.dropFirst()).allSatisfy { $0 <= $1 }, "\(p)")
        #expect(p.first! < 0.5 && p.last! > 0.95, "the sweep spans the target: \(p)")
    }
}
