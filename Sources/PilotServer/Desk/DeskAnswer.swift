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

extension DeskAnswer {
    /// The default runs of a page: the command line's `compare` defaults (10,000 runs; 3,000
    /// particles when conditioned), so that a page and the command it prints give the same numbers.
    static func defaultRuns(conditioned: Bool) -> Int { conditioned ? Analyses.Condition.defaultParticles : Analyses.Compare.defaultRuns }

    /// Simulates both plans, conditioned on `figures` when given: B is the document with
    /// `overrides`, whose text (as `--b-set` arguments) is `arguments`. `betweenBlocks` is called
    /// between blocks of runs (and steps of the conditioning), where work in the background waits
    /// for first answers to finish.
    /// - Throws: `ScenarioValidationError` (located in the page's fields), `AnalysisError`,
    ///   `ConditionedSample.Refusal`.
    static func compute(
        document: ScenarioDocument, overrides: [ScenarioOverride], arguments: [String], figures: ReportedFigures?, runs: Int?, seed: UInt64, threads: Int,
        cache: DeskCache, betweenBlocks: @escaping @Sendable () -> Void = {}
    ) throws -> DeskAnswer {
        let runs = runs ?? defaultRuns(conditioned: figures != nil)
        let (plan, answer) = keys(document: document, arguments: arguments, figures: figures, runs: runs, seed: seed)
        return try cache.answers.value(for: answer) {
            try simulate(
                document: document, overrides: overrides, arguments: arguments, figures: figures, runs: runs, planKey: plan,
                execution: Execution(seed: seed, threads: threads) { _, _ in betweenBlocks() }, cache: cache)
        }
    }

    /// What `compute`'s answer is kept by (`DeskCache.answers`), and a refinement of it known by.
    static func key(document: ScenarioDocument, arguments: [String], figures: ReportedFigures?, runs: Int?, seed: UInt64) -> String {
        keys(document: document, arguments: arguments, figures: figures, runs: runs ?? defaultRuns(conditioned: figures != nil), seed: seed).answer
    }

    /// What the unchanged plan (A) and the answer are kept by: the scenario's text, the seed, the
    /// runs and the figures; and the changes.
    private static func keys(document: ScenarioDocument, arguments: [String], figures: ReportedFigures?, runs: Int, seed: UInt64) -> (
        plan: String, answer: String
    ) {
        let plan = "\(ContentDigest.hex(document.text.utf8)) \(seed) \(runs) \(figures?.sha256 ?? "plan-time")"
        return (plan, plan + " " + arguments.joined(separator: "\n"))
    }

    /// `compute`'s answer, simulated: B, and A unless it is kept under `planKey`.
    private static func simulate(
        document: ScenarioDocument, overrides: [ScenarioOverride], arguments: [String], figures: ReportedFigures?, runs: Int, planKey: String,
        execution: Execution, cache: DeskCache
    ) throws -> DeskAnswer {
        let a = try document.scenario(), b = try document.scenario(overrides: overrides)
        let conditioned = try figures.map { try cache.conditioning(document, on: $0, particles: runs, execution: execution) }
        var analysis = try Analyses.Compare(document: document, overrides: [], inputs: .init(runs: runs, bOverrides: arguments))
        analysis.sample = conditioned?.sample
        analysis.keep = [.targetValues, .monthlyQuantiles]
        // The page draws these metrics' months and no other's (nor do its downloads).
        analysis.monthlyMetrics = Set(HTMLReport.fanMetrics)
        // A first answer's A keeps its draws, which B then takes (456 bytes a run for the
        // baseline); a refinement's, ten times larger and never waited for, does not.
        let planA = cache.plans.value(for: planKey) { analysis.planA(execution, keepingDraws: runs <= Analyses.Compare.defaultRuns) }
        let (_, resultB, comparison) = try analysis.results(execution, planA: planA)
        return DeskAnswer(a: a, b: b, resultB: resultB, comparison: comparison, conditioned: conditioned, figures: figures, runs: runs)
    }
}
