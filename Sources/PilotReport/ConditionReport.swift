import Foundation
import PilotModel
import Simulator

/// What `pilotsim condition` prints and writes: the targets before and after the reported figures,
/// the figures against the prior and the posterior, what they say about each assumption, and the
/// sampler's diagnostics.
public struct ConditionReport {
    public let result: Conditioning.Result
    public let priorSummary: SimulationSummary
    public let posteriorSummary: SimulationSummary

    public init(_ result: Conditioning.Result) {
        self.result = result
        priorSummary = result.prior.summary
        posteriorSummary = result.posterior.summary
    }

    /// One uncertain parameter before and after: P5, P50, P95 of each, and how much of the prior's
    /// P5–P95 width the posterior no longer spans.
    public struct ParameterChange {
        public let keyPath: String
        public let prior: [Double], posterior: [Double]
        public var shrinkage: Double {
            let before = prior[2] - prior[0]
            return before > 0 ? 1 - (posterior[2] - posterior[0]) / before : 0
        }
    }

    public var parameterChanges: [ParameterChange] {
        let prior = result.prior, posterior = result.posterior, width = prior.uncertainParameters.count
        func quantiles(_ values: [Double], column: Int, runs: Int) -> [Double] {
            let sorted = (0..<runs).map { values[$0 * width + column] }.sorted()
            return [0.05, 0.5, 0.95].map { Statistics.quantile(sorted: sorted, $0) }
        }
        return prior.uncertainParameters.enumerated().map { column, index in
            ParameterChange(keyPath: prior.scenario.parameters[index].keyPath,
                            prior: quantiles(prior.parameterValues, column: column, runs: prior.runs),
                            posterior: quantiles(posterior.parameterValues, column: column, runs: posterior.runs))
        }
    }

    /// The 95% Wilson interval of a conditioned P(met), at the sampler's effective sample size.
    public func conditionedInterval(_ target: TargetSummary) -> ClosedRange<Double> {
        let n = max(1, Int(result.effectiveSampleSize.rounded()))
        return Statistics.wilson(successes: Int((target.probability * Double(n)).rounded()), trials: n)
    }

    /// The warnings about figures that the prior can hardly explain, one line each.
    public func warnings(_ labels: Labels) -> [String] {
        result.checks.filter(\.isSurprising).map { check in
            let o = check.observation
            let p = check.priorShare
            let share = p == 0 || p == 1 ? "\(Int(p * 100))%"
                : p < 0.0001 || p > 0.9999 ? String(format: "%.2g%%", p * 100) : "\(NumberStyle.fixed(p * 100, 2))%"
            return labels.condition.surprise(metric: labels.metric(o.metric), value: labels.numbers.value(o.value, of: o.metric),
                                             month: o.month.description, share: share,
                                             widen: check.influential.isEmpty ? "…" : check.influential.joined(separator: ", ") + "…")
        }
    }

    // MARK: - Terminal

    public func table(source: String, observedFile: String, labels: Labels = .english, style: TerminalStyle = .plain) -> String {
        let words = labels.condition, numbers = labels.numbers, s = result.prior.scenario
        var out = ReportHeader.render(title: "\(words.title) — \(labels.text(s.name))", [
            (labels.scenario, source),
            (words.observationsFile, observedFile),
            (words.particles, "\(NumberStyle.grouped(Double(result.posterior.runs)))   \(labels.seed) \(result.posterior.seed)"),
            (labels.generator, labels.generatorDescription),
        ], style: style)
        out.append("")
        let warnings = self.warnings(labels) + (result.converged ? [] : [words.notConverged(
            temperature: NumberStyle.fixed(result.temperature, 4), iterations: result.iterations.count)])
        if !warnings.isEmpty {
            out.append(style.heading(words.warningsHeading))
            out += warnings.map { "  " + $0 }
            out.append("")
        }

        out.append(style.heading(labels.targets))
        var targets = TextTable([(labels.target, .left), (labels.deadline, .left), (labels.goal, .left), (words.prior, .right),
                                 (words.conditioned, .right), (words.intervalESS, .left), (words.conditionedMedian, .left), (labels.verdict, .left)])
        for (before, after) in zip(priorSummary.targets, posteriorSummary.targets) {
            let metric = after.target.metric
            targets.append([labels.text(after.target.label), after.target.deadline.description, labels.goal(after.target),
                            numbers.percent(before.probability), numbers.percent(after.probability),
                            numbers.interval(conditionedInterval(after)),
                            numbers.spread(after.median, after.p05, after.p95, of: metric),
                            labels.verdict(after.verdict)],
                           decorations: style.verdict(after.verdict).map { [7: $0] } ?? [:])
        }
        out.append(targets.render())
        out.append("")
        out.append(TerminalReport.jointAndStages(posteriorSummary, calendar: s.calendar, labels: labels, style: style))
        out.append("")

        out.append(style.heading(words.observationsHeading))
        var observations = TextTable([(words.month, .left), (words.metric, .left), (words.observed, .right), (words.priorShare, .right),
                                      (words.priorRange, .left), (words.posteriorRange, .left)])
        for check in result.checks {
            let o = check.observation, m = o.metric
            observations.append([o.month.description, labels.metric(m), numbers.value(o.value, of: m), numbers.percent(check.priorShare),
                                 "\(numbers.value(check.priorP05, of: m))–\(numbers.value(check.priorP95, of: m))",
                                 "\(numbers.value(check.posteriorP05, of: m))–\(numbers.value(check.posteriorP95, of: m))"])
        }
        out.append(observations.render())
        out.append("")

        out.append(style.heading(words.posteriorHeading))
        var parameters = TextTable([(words.parameter, .left), (words.priorMedian, .left), (words.posteriorMedian, .left), (words.shrinkage, .right)])
        for change in parameterChanges.sorted(by: { $0.shrinkage > $1.shrinkage }) {
            func text(_ q: [Double]) -> String { "\(NumberStyle.parameter(q[1])) (\(NumberStyle.parameter(q[0]))–\(NumberStyle.parameter(q[2])))" }
            parameters.append([change.keyPath, text(change.prior), text(change.posterior), numbers.percent(change.shrinkage)])
        }
        out.append(parameters.render())
        out.append("")

        out.append(style.heading(words.diagnosticsHeading))
        var steps = TextTable([(words.step, .right), (words.temperature, .right), (words.ess, .right), (words.acceptance, .right), (words.moves, .right)])
        for (i, step) in result.iterations.enumerated() {
            steps.append([String(i + 1), NumberStyle.trimmed(NumberStyle.fixed(step.temperature, 4)),
                          NumberStyle.grouped(step.effectiveSampleSize), numbers.percent(step.acceptance), String(step.moves)])
        }
        out.append(steps.render())
        out.append("  " + words.spent(conditioning: NumberStyle.grouped(Double(result.conditioningRuns)),
                                      final: NumberStyle.grouped(Double(result.modelRuns - result.conditioningRuns)),
                                      months: NumberStyle.grouped(Double(result.modelMonths))))
        out.append("")
        out.append(words.reading)
        return out.joined(separator: "\n") + "\n"
    }


    // MARK: - Files

    /// `--format csv`: each target before and after.
    public func targetsCSV() -> String {
        var table = CSVTable(header: ["target_id", "p_prior", "p_conditioned", "ci_low", "ci_high", "median", "p05", "p95", "verdict"])
        for (before, after) in zip(priorSummary.targets, posteriorSummary.targets) {
            let interval = conditionedInterval(after)
            table.append([after.target.id] + [before.probability, after.probability, interval.lowerBound, interval.upperBound,
                                               after.median, after.p05, after.p95].map(formatNumber) + [after.verdict.rawValue])
        }
        return table.text
    }

    /// posterior.csv.
    public func posteriorCSV() -> String {
        var table = CSVTable(header: ["parameter", "prior_p05", "prior_p50", "prior_p95", "post_p05", "post_p50", "post_p95", "shrinkage"])
        for change in parameterChanges {
            table.append([change.keyPath] + (change.prior + change.posterior + [change.shrinkage]).map(formatNumber))
        }
        return table.text
    }

    /// observations.csv: each figure against the prior and the posterior.
    public func observationsCSV() -> String {
        var table = CSVTable(header: ["month", "metric", "value", "rel_error", "prior_share", "prior_p05", "prior_p95", "post_p05", "post_p95", "surprising"])
        for check in result.checks {
            let o = check.observation
            table.append([o.month.description, o.metric.description] + [o.value, o.relativeError, check.priorShare, check.priorP05,
                                                                      check.priorP95, check.posteriorP05, check.posteriorP95].map(formatNumber)
                         + [check.isSurprising ? "yes" : "no"])
        }
        return table.text
    }

    /// diagnostics.csv: one row per tempering step.
    public func diagnosticsCSV() -> String {
        var table = CSVTable(header: ["step", "temperature", "ess", "acceptance", "moves"])
        for (i, step) in result.iterations.enumerated() {
            table.append([String(i + 1)] + [step.temperature, step.effectiveSampleSize, step.acceptance].map(formatNumber) + [String(step.moves)])
        }
        return table.text
    }

    /// `--format json`.
    public func json(scenario: String) throws -> String {
        struct Document: Encodable {
            let scenario: String, particles: Int, seed: UInt64, temperature: Double, converged: Bool, ess: Double
            let conditioning_runs: Int, model_runs: Int, model_months: Int
            let targets: [[String: JSONReport.Field]], observations: [[String: JSONReport.Field]]
            let posterior: [[String: JSONReport.Field]], diagnostics: [[String: JSONReport.Field]]
        }
        /// The rows of one of the CSV files as objects: numbers as numbers, empty cells as null.
        /// (No cell of these files holds a comma or a quote: ids, key paths, months and numbers.)
        func objects(_ csv: String) -> [[String: JSONReport.Field]] {
            let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let text: Set<String> = ["target_id", "verdict", "month", "metric", "parameter", "surprising"]
            return rows.dropFirst().map { row in
                Dictionary(uniqueKeysWithValues: zip(rows[0], row).map { key, value -> (String, JSONReport.Field) in
                    if value.isEmpty { return (key, .null) }
                    if !text.contains(key), let x = Double(value) { return (key, .number(x)) }
                    return (key, .text(value))
                })
            }
        }
        let document = Document(scenario: scenario, particles: result.posterior.runs, seed: result.posterior.seed, temperature: result.temperature,
                                converged: result.converged, ess: result.effectiveSampleSize, conditioning_runs: result.conditioningRuns,
                                model_runs: result.modelRuns, model_months: result.modelMonths,
                                targets: objects(targetsCSV()), observations: objects(observationsCSV()),
                                posterior: objects(posteriorCSV()), diagnostics: objects(diagnosticsCSV()))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
