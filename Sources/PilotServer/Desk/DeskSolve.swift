import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

/// What the desk's solve form asks (`solve.*` fields): the value of one lever at which a target's
/// P(met) reaches a probability, on the plan as the page changed it. Sent with the page's own
/// fields, so that its URL is the permalink of the answer.
struct DeskSolve {
    var target = "", lever = "", probability = "", low = "", high = ""

    /// What is wrong with the form, in the desk's words: each problem a sentence.
    struct Problems: Error {
        let messages: [String]
    }

    /// The answer as `pilotsim solve` prints it, and the command line that prints it.
    /// - Throws: `Problems`, `ScenarioValidationError`, `AnalysisError`, `ConditionedSample.Refusal`.
    func answer(
        query: DeskQuery, entry: DeskScenarios.Entry, overrides: [ScenarioOverride], arguments: [String], figures: ReportedFigures?,
        cache: DeskCache, threads: Int
    ) throws -> (text: String, commandLine: String) {
        let words = query.language.labels.desk
        let chance = decimalNumber(probability).flatMap { $0 > 0 && $0 < 1 ? $0 : nil }
        let bounds = (decimalNumber(low), decimalNumber(high))
        var problems = chance == nil ? [words.badProbability(probability)] : []
        let range: ClosedRange<Double>?
        switch bounds {
        case (nil, nil) where low.isEmpty && high.isEmpty: range = nil
        case (let from?, let to?) where from < to: range = from...to
        default:
            range = nil
            problems.append(words.badRange)
        }
        guard let chance, problems.isEmpty else { throw Problems(messages: problems) }
        let solver: Solver
        do {
            solver = try Solver(document: entry.document, overrides: overrides, path: lever, range: range, targetID: target, probability: chance)
        } catch is SweepPathError {
            throw Problems(messages: [words.badLever(lever)])
        } catch SolveError.unknownTarget {
            throw Problems(messages: [words.badTarget(target)])
        } catch SolveError.rangeNeeded {
            throw Problems(messages: [words.rangeNeeded])
        }
        let scenario = try entry.document.scenario(overrides: overrides)
        let runs = query.runs ?? (figures == nil ? Analyses.Solve.defaultRuns : Analyses.Condition.defaultParticles)
        let conditioned = try figures.map {
            try cache.conditioning(entry.document, on: $0, particles: runs, execution: Execution(seed: query.seed, threads: threads))
        }
        let analysis = Analyses.Solve(solver: solver, runs: runs, sample: conditioned?.sample)
        let (outcome, spent) = try analysis.run(Execution(seed: query.seed, threads: threads))
        let labels = query.language.labels
        let text = SolveReport.table(
            solver, outcome, runsSpent: spent, runs: analysis.runCount, seed: query.seed,
            source: ContentDigest.named(entry.name, text: entry.document.text), labels: labels,
            figures: figures?.description(labels) ?? (scenario.observations.isEmpty ? nil : labels.condition.figuresIgnored(scenario.observations.count)))
        // `pilotsim solve` with the page's settings as `--set` and this form's question.
        let question =
            arguments.flatMap { ["--set", $0] } + ["--target", target, "--probability", formatNumber(chance)]
            + ["--vary", range.map { "\(lever)=\(formatNumber($0.lowerBound)):\(formatNumber($0.upperBound))" } ?? lever]
        let commandLine = DeskPage.commandLine(
            "solve", entry, question, runs: runs, seed: query.seed, figures: figures, prior: figures == nil, language: query.language)
        return (text, commandLine)
    }
}
