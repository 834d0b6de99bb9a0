import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

/// What the desk's solve form asks (`solve.*` fields): the value of one lever at which a target's
/// P(met) reaches a probability, on the plan as the page changed it. Sent with the page's own
/// fields, so that its URL is the permalink of the answer.
struct DeskSolve {
    var target = "", lever = "", probability = "", low = "", high = ""

    /// Whether the query asks to solve at all.
    var isAsked: Bool { !(target.isEmpty && lever.isEmpty && probability.isEmpty) }

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
        let chance = decimalNumber(probability).flatMap { (0...1).contains($0) && $0 > 0 && $0 < 1 ? $0 : nil }
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
        let conditioned = try figures.map { figures in
            try cache.conditionings.value(for: "\(ContentDigest.hex(entry.document.text.utf8)) \(figures.sha256) \(query.seed) \(runs)") {
                try Analyses.Condition(scenario: try entry.document.scenario(), figures: figures, particles: runs)
                    .run(Execution(seed: query.seed, threads: threads))
            }
        }
        let analysis = Analyses.Solve(solver: solver, runs: runs, sample: conditioned?.sample)
        let (outcome, spent) = try analysis.run(Execution(seed: query.seed, threads: threads))
        let labels = query.language.labels
        let text = SolveReport.table(
            solver, outcome, runsSpent: spent, runs: analysis.runCount, seed: query.seed,
            source: "\(entry.name) · SHA-256 \(ContentDigest.hex(entry.document.text.utf8).prefix(12))", labels: labels,
            figures: figures?.description(labels) ?? (scenario.observations.isEmpty ? nil : labels.condition.figuresIgnored(scenario.observations.count)))
        return (text, commandLine(entry, arguments: arguments, runs: runs, range: range, chance: chance, figures: figures, query: query))
    }

    /// `pilotsim solve` with the page's scenario and settings (`--set`), this form's question,
    /// the runs and seed, and the figures as the page takes them.
    private func commandLine(
        _ entry: DeskScenarios.Entry, arguments: [String], runs: Int, range: ClosedRange<Double>?, chance: Double, figures: ReportedFigures?,
        query: DeskQuery
    ) -> String {
        var words = ["pilotsim", "solve"]
        if entry.id != DeskScenarios.startID || entry.name != Scenario.baselineFileName { words.append(entry.name) }
        words += arguments.flatMap { ["--set", $0] }
        words += ["--target", target, "--probability", formatNumber(chance)]
        words += ["--vary", range.map { "\(lever)=\(formatNumber($0.lowerBound)):\(formatNumber($0.upperBound))" } ?? lever]
        words += ["--runs", String(runs), "--seed", String(query.seed)]
        if let figures, figures.source != ReportedFigures.scenarioSection {
            words += ["--observed", DeskQuery.figuresFile]
        } else if figures == nil {
            words.append("--prior")
        }
        return ShellWords.join(words + (query.language == .chinese ? ["--lang", "zh"] : []))
    }
}
