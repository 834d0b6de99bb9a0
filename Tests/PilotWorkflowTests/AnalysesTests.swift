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
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let execution = Execution(seed: 11, threads: 2)
        let origin = PartOrigin(commandLine: "test", scenario: small, scenarioText: document.text, overrides: [])
        for shard in 1...3 { try analysis.writePart(shard: shard, of: 3, execution, origin: origin, into: dir.path) }
        let parts = try (1...3).map { try PartFile.Reader(path: dir.appendingPathComponent(PartFile.name(shard: $0, of: 3)).path) }
        let merged = try ShardMerge.merge(parts, document: document, overrides: [])
        #expect(merged.csv == whole)
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

    /// A plan compared with itself: every run meets each target under both or neither, so the
    /// paired difference is exactly 0 with an interval around it.
    @Test func aPlanComparedWithItselfDiffersByNothing() throws {
        let scenario = try Scenario.load(path: small)
        let comparison = try Analyses.Compare(a: scenario, b: scenario, runs: 500).run(Execution(seed: 3, threads: 2))
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
