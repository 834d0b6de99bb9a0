import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator
import Synchronization

/// A desk page's answer: the plan as it stands (A) and with the changes (B), simulated with the
/// same seed and runs — on the conditioned particles when the scenario carries reported figures
/// and the page does not ask for the plan-time view — and their comparison (`Analyses.Compare`).
struct DeskAnswer: Sendable {
    let a: Scenario, b: Scenario
    let resultB: SimulationResult
    let comparison: Comparison
    /// The conditioning, when the answer is conditioned on reported figures.
    let conditioned: Conditioning.Result?
    let figures: ReportedFigures?
    let runs: Int
}

/// Conditioned samples already drawn, by scenario text, figures, seed and particles: conditioning
/// takes seconds and depends on nothing a lever changes, so each is drawn once while it is kept
/// (the 16 latest sets; a 17th empties the cache).
final class ConditioningCache: Sendable {
    private let results = Mutex<[String: Conditioning.Result]>([:])
    private let capacity = 16

    func result(_ scenario: Scenario, text: String, figures: ReportedFigures, particles: Int, seed: UInt64, threads: Int) throws -> Conditioning.Result {
        let key = "\(ContentDigest.hex(text.utf8)) \(figures.sha256) \(seed) \(particles)"
        if let known = results.withLock({ $0[key] }) { return known }
        let result = try Analyses.Condition(scenario: scenario, figures: figures, particles: particles).run(Execution(seed: seed, threads: threads))
        results.withLock { cache in
            if cache.count >= capacity { cache.removeAll() }
            cache[key] = result
        }
        return result
    }
}

extension DeskAnswer {
    /// The default runs of a page: the command line's `compare` defaults (10,000 runs; 3,000
    /// particles when conditioned), so that a page and the command it prints give the same numbers.
    static func defaultRuns(conditioned: Bool) -> Int { conditioned ? Analyses.Condition.defaultParticles : Analyses.Compare.defaultRuns }

    /// Simulates both plans, conditioned on `figures` when given: B is the document with
    /// `overrides`, whose text (as `--b-set` arguments) is `arguments`.
    /// - Throws: `ScenarioValidationError` (located in the page's fields), `AnalysisError`,
    ///   `ConditionedSample.Refusal`.
    static func compute(
        document: ScenarioDocument, overrides: [ScenarioOverride], arguments: [String], figures: ReportedFigures?, runs: Int?, seed: UInt64, threads: Int,
        cache: ConditioningCache
    ) throws -> DeskAnswer {
        let a = try document.scenario(), b = try document.scenario(overrides: overrides)
        let runs = runs ?? defaultRuns(conditioned: figures != nil)
        let execution = Execution(seed: seed, threads: threads)
        var conditioned: Conditioning.Result?
        if let figures {
            conditioned = try cache.result(a, text: document.text, figures: figures, particles: runs, seed: seed, threads: threads)
        }
        var analysis = try Analyses.Compare(document: document, overrides: [], inputs: .init(runs: runs, bOverrides: arguments))
        analysis.sample = conditioned?.sample
        analysis.keep = [.targetValues, .monthlyQuantiles]
        let (_, resultB, comparison) = try analysis.results(execution)
        return DeskAnswer(a: a, b: b, resultB: resultB, comparison: comparison, conditioned: conditioned, figures: figures, runs: runs)
    }
}
