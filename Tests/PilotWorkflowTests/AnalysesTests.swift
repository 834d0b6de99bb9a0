import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator
import Synchronization
import TestSupport
import Testing

/// The analyses as values, run in-process as any front end runs them.
@Suite struct AnalysesTests {
    private let small = repositoryPath("Tests/Fixtures/golden/small.yaml")

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pilotsim-analyses-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `analysis` in 3 shards, each written as a part and read back, merged by `ShardMerge`: the
    /// merged CSV is the CSV of the analysis run whole in one go (a second path to the same numbers).
    private func expectShardsMerge<Shardable: ShardableAnalysis>(_ analysis: Shardable, document: ScenarioDocument, whole: String) throws {
        try expectShardsMerge(analysis, document: document, files: [whole])
    }

    private func expectShardsMerge<Shardable: ShardableAnalysis>(_ analysis: Shardable, document: ScenarioDocument, files whole: [String]) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let execution = Execution(seed: 11, threads: 2)
        let origin = PartOrigin(commandLine: "test", scenario: small, scenarioText: document.text, overrides: [])
        for shard in 1...3 { try analysis.writePart(shard: shard, of: 3, execution, origin: origin, into: dir.path) }
        let parts = try (1...3).map { try PartFile.Reader(path: dir.appendingPathComponent(PartFile.name(shard: $0, of: 3)).path) }
        let merged = try ShardMerge.merge(parts, document: document, overrides: [], threads: 2)
        #expect(merged.files.map(\.contents) == whole)
    }

    @Test func tornadoShardsMergeToTheWholeTornado() throws {
        let document = try ScenarioDocument(path: small)
        let analysis = Analyses.Tornado(tornado: Tornado(scenario: try document.scenario(), low: 0.1, high: 0.9), runs: 200)
        let (_, bars) = analysis.run(Execution(seed: 11, threads: 2))
        try expectShardsMerge(analysis, document: document, whole: TornadoReport.csv(analysis.tornado.scenario, bars))
    }

    @Test func sweepShardsMergeToTheWholeSweep() throws {
        let document = try ScenarioDocument(path: small)
        let sweep = try Sweep(document: document, overrides: [], axes: [SweepAxis(path: "merchants.churn", values: [0.005, 0.01, 0.02, 0.03])])
        let analysis = Analyses.Sweep(sweep: sweep, runs: 200)
        try expectShardsMerge(analysis, document: document, whole: SweepReport.csv(sweep, try analysis.run(Execution(seed: 11, threads: 2))))
    }

    @Test func sobolShardsMergeToTheWholeDesign() throws {
        let document = try ScenarioDocument(path: small)
        let analysis = Analyses.Sobol(analysis: GlobalSensitivity(scenario: try document.scenario()), samples: 100)
        let estimate = analysis.run(Execution(seed: 11, threads: 2))
        try expectShardsMerge(analysis, document: document, whole: SobolReport.csv(analysis.analysis, estimate))
    }

    @Test func compareShardsMergeToTheWholeComparison() throws {
        let document = try ScenarioDocument(path: small)
        let analysis = try Analyses.Compare(document: document, overrides: [], inputs: .init(runs: 300, bOverrides: ["merchants.churn=0.03"]))
        try expectShardsMerge(analysis, document: document, whole: CompareReport.csv(try analysis.run(Execution(seed: 11, threads: 2))))
    }

    @Test func explainShardsMergeToTheWholeFiltering() throws {
        let document = try ScenarioDocument(path: small)
        let analysis = try Analyses.Explain(scenario: try document.scenario(), targetID: try document.scenario().targets[0].id, runs: 300)
        try expectShardsMerge(analysis, document: document, whole: ExplainReport.csv(analysis.run(Execution(seed: 11, threads: 2))))
    }

    /// A population tempered with another seed is not the one a part of this seed holds.
    @Test func aPopulationOfAnotherSeedIsDamage() throws {
        let scenario = try Scenario.baseline()
        let path = repositoryPath("docs/examples/haimen-2023-08.csv")
        let figures = try ReportedFigures(fileText: try ObservationFile.text(path: path), file: path, scenario: scenario)
        let analysis = try Analyses.Condition(scenario: scenario, figures: figures, particles: 100, chains: 2)
        let populations = analysis.evaluate(1..<2, Execution(seed: 5, threads: 2))
        #expect(analysis.damage(in: populations, units: 1..<2, seed: 5) == nil)
        #expect(analysis.damage(in: populations, units: 1..<2, seed: 6) != nil)
        #expect(analysis.damage(in: populations, units: 0..<1, seed: 5) != nil)
    }

    /// A plan compared with itself: every run meets each target under both or neither, so the
    /// paired difference is exactly 0 with an interval around it.
    @Test func aPlanComparedWithItselfDiffersByNothing() throws {
        let scenario = try Scenario.load(path: small)
        let comparison = try Analyses.Compare(document: try ScenarioDocument(path: small), overrides: [], inputs: .init(runs: 500))
            .run(Execution(seed: 3, threads: 2))
        #expect(comparison.matched.count == scenario.targets.count)
        for target in comparison.matched {
            #expect(target.onlyA == 0 && target.onlyB == 0 && target.difference == 0 && target.medianDifference == 0)
            #expect(target.interval.contains(0))
        }
    }

    /// The front end's observer hears the work counted up to its total, never backwards.
    @Test func progressCountsUpToTheTotal() throws {
        let heard = Mutex<[(Int, Int)]>([])
        let scenario = try Scenario.load(path: small)
        let result = Analyses.Run(scenario: scenario, runs: 9_000, keep: []).run(
            Execution(seed: 3, threads: 2) { done, total in heard.withLock { $0.append((done, total)) } })
        let updates = heard.withLock { $0 }
        #expect(result.runs == 9_000)
        #expect(!updates.isEmpty && zip(updates, updates.dropFirst()).allSatisfy { $0.0 <= $1.0 })
        #expect(updates.last.map { $0.0 == $0.1 } == true)
    }

    /// Inputs a part's header may carry that the analysis does not take are refused by name,
    /// before anything is simulated.
    @Test func inputsOutsideTheAnalysisAreRefused() throws {
        let document = try ScenarioDocument(path: small)
        #expect(throws: AnalysisError.self) {
            try Analyses.Tornado(document: document, overrides: [], inputs: .init(low: 0.9, high: 0.1, runs: 100))
        }
        #expect(throws: AnalysisError.self) {
            try Analyses.Sweep(document: document, overrides: [], inputs: .init(axes: [], runs: 100))
        }
        #expect(throws: AnalysisError.self) {
            let axis = SweepAxis(path: "merchants.churn", values: Array(repeating: 0.01, count: 200))
            return try Analyses.Sweep(document: document, overrides: [], inputs: .init(axes: [axis, axis], runs: 100))
        }
        #expect(throws: AnalysisError.self) { try Analyses.Sobol(document: document, overrides: [], inputs: .init(samples: 5)) }
        let scenario = try document.scenario()
        #expect(throws: AnalysisError.unknownTarget("nope", known: scenario.targets.map(\.id))) {
            try Analyses.Explain(scenario: scenario, targetID: "nope", runs: 100)
        }
        #expect(throws: AnalysisError.particlesOutOfRange(50)) {
            try Analyses.Condition(scenario: scenario, figures: ReportedFigures(observations: [], source: "-", sha256: ""), particles: 50)
        }
    }
}
