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
    /// The parameters the figures can inform, most moved first.
    public let movements: [ParameterMovement]

    public init(_ result: Conditioning.Result) {
        self.result = result
        priorSummary = result.prior.summary
        posteriorSummary = result.summary
        movements = result.parameterMovements()
    }

    /// The 95% interval of conditioned target `j`'s P(met), with its measured Monte Carlo error.
    public func conditionedInterval(_ j: Int) -> ClosedRange<Double> { result.targetErrors[j].interval }

    /// Conditioned target `j`'s verdict, or "unreliable" when the sample cannot support it.
    public func verdict(_ j: Int, labels: Labels) -> String {
        result.isReliable(target: j) ? labels.verdict(posteriorSummary.targets[j].verdict) : labels.condition.unreliable
    }

    /// A figure's band in its metric's units, `a–b`.
    private func band(_ low: Double, _ high: Double, of metric: Metric, _ numbers: NumberStyle) -> String {
        numbers.values([low, high], of: metric).joined(separator: "–")
    }

    /// Every warning, one line each: figures the prior can hardly explain, then the sampler's.
    public func warnings(_ labels: Labels) -> [String] {
        let words = labels.condition, numbers = labels.numbers
        let surprises = result.checks.filter(\.isSurprising).map { check in
            let o = check.observation
            let p = check.priorShare
            let share =
                p == 0 || p == 1
                ? "\(Int(p * 100))%"
                : p < 0.0001 || p > 0.9999 ? String(format: "%.2g%%", p * 100) : "\(NumberStyle.fixed(p * 100, 2))%"
            return words.surprise(
                metric: labels.metric(o.metric), value: numbers.value(o.value, of: o.metric),
                month: o.month.description, share: share,
                widen: check.influential.isEmpty ? "…" : check.influential.joined(separator: ", ") + "…")
        }
        let sampler = result.warnings.flatMap { warning -> [String] in
            switch warning {
            case .notConverged(let t):
                return [words.notConverged(temperature: NumberStyle.fixed(t, 4), iterations: result.chains.map(\.iterations.count).max() ?? 0)]
            case .lowAcceptance(let share): return [words.lowAcceptance(numbers.percent(share))]
            case .fewFamilies(let families, let particles):
                return [words.fewFamilies(NumberStyle.grouped(families), particles: NumberStyle.grouped(Double(particles)))]
            case .populationsDisagree(let ids): return [words.disagree(ids.joined(separator: ", "))]
            case .sweepCap(let steps): return [words.sweepCap(steps: steps)]
            case .misfit(let figures):
                return figures.compactMap { o in
                    result.checks.first { $0.observation.month == o.month && $0.observation.metric == o.metric }.map { check in
                        words.misfit(
                            metric: labels.metric(o.metric), value: numbers.value(o.value, of: o.metric), month: o.month.description,
                            band: band(check.replicateP005, check.replicateP995, of: o.metric, numbers))
                    }
                }
            }
        }
        return surprises + sampler
    }

    /// The sample-quality line: populations, distinct particles, effective families.
    public func sampleLine(_ labels: Labels) -> String {
        labels.condition.sample(
            chains: result.chains.count, perChain: NumberStyle.grouped(Double(result.chains.first?.particles ?? 0)),
            distinct: NumberStyle.grouped(Double(result.distinct)), families: NumberStyle.grouped(result.families))
    }

    /// `+0.42 ± 0.03`: the median's shift in prior P5–P95 widths, with its standard error.
    public func shiftText(_ movement: ParameterMovement) -> String {
        let sign = movement.shift >= 0 ? "+" : "−"
        return "\(sign)\(NumberStyle.fixed(abs(movement.shift), 2)) ± \(NumberStyle.fixed(movement.shiftSE, 2))"
    }

    /// `narrows by 30% (± 2%)`, or "within Monte Carlo noise" when the change is within 3 of its
    /// standard errors (whatever the median did).
    public func widthText(_ movement: ParameterMovement, _ labels: Labels) -> String {
        guard movement.isWidthChangeBeyondNoise else { return labels.condition.withinNoise }
        return "\(labels.condition.widthChange(movement.widthRatio, percent: labels.numbers.percent)) (± \(labels.numbers.percent(movement.widthRatioSE)))"
    }

    // MARK: - Terminal

    /// - Parameter figures: where the figures come from, as `ConditionLabels.figuresSource` says it.
    public func table(source: String, figures: String, labels: Labels = .english, style: TerminalStyle = .plain) -> String {
        let words = labels.condition, s = result.prior.scenario
        var out = ReportHeader.render(
            title: "\(words.title) — \(labels.text(s.name))",
            [
                (labels.scenario, source),
                (words.observationsFile, figures),
                (words.particles, "\(NumberStyle.grouped(Double(result.posterior.runs)))   \(labels.seed) \(result.posterior.seed)"),
                (labels.generator, labels.generatorDescription),
            ], style: style)
        out.append("")
        let warnings = self.warnings(labels)
        if !warnings.isEmpty {
            out.append(style.heading(words.warningsHeading))
            out += warnings.map { "  " + $0 }
            out.append("")
        }

        out +=
            targetsSection(labels, style) + observationsSection(labels, style) + parametersSection(labels, style)
            + diagnosticsSection(labels, style)
        out.append(words.reading)
        return out.joined(separator: "\n") + "\n"
    }

    /// The targets before and after the figures, then the joint chances and the stages.
    private func targetsSection(_ labels: Labels, _ style: TerminalStyle) -> [String] {
        let words = labels.condition, numbers = labels.numbers, s = result.prior.scenario
        var out: [String] = []
        out.append(style.heading(labels.targets))
        var targets = TextTable([
            (labels.target, .left), (labels.deadline, .left), (labels.goal, .left), (words.prior, .right),
            (words.conditioned, .right), (words.intervalESS, .left), (words.conditionedMedian, .left), (labels.verdict, .left),
        ])
        for (j, (before, after)) in zip(priorSummary.targets, posteriorSummary.targets).enumerated() {
            let metric = after.target.metric
            let reliable = result.isReliable(target: j)
            targets.append(
                [
                    labels.text(after.target.label), after.target.deadline.description, labels.goal(after.target),
                    numbers.percent(before.probability), numbers.percent(after.probability),
                    numbers.interval(conditionedInterval(j)),
                    numbers.spread(after.median, after.p05, after.p95, of: metric),
                    verdict(j, labels: labels),
                ],
                decorations: reliable ? (style.verdict(after.verdict).map { [7: $0] } ?? [:]) : [:])
        }
        out.append(targets.render())
        out.append("")
        out.append(TerminalReport.jointAndStages(posteriorSummary, calendar: s.calendar, labels: labels, style: style))
        out.append("")

        return out
    }

    /// Each figure against the prior, the posterior and the replicated reports.
    private func observationsSection(_ labels: Labels, _ style: TerminalStyle) -> [String] {
        let words = labels.condition, numbers = labels.numbers
        var out: [String] = []
        out.append(style.heading(words.observationsHeading))
        var observations = TextTable([
            (words.month, .left), (words.metric, .left), (words.observed, .right), (words.priorShare, .right),
            (words.priorRange, .left), (words.posteriorRange, .left), (words.replicateRange, .left), (words.fit, .left),
        ])
        for check in result.checks {
            let o = check.observation, m = o.metric
            observations.append([
                o.month.description, labels.metric(m), numbers.value(o.value, of: m), numbers.percent(check.priorShare),
                band(check.priorP05, check.priorP95, of: m, numbers), band(check.posteriorP05, check.posteriorP95, of: m, numbers),
                band(check.replicateP05, check.replicateP95, of: m, numbers),
                check.isMisfit ? words.fitOutside : words.fitOK,
            ])
        }
        out.append(observations.render())
        out.append("")

        return out
    }

    /// What the figures say about each assumption they can inform.
    private func parametersSection(_ labels: Labels, _ style: TerminalStyle) -> [String] {
        let words = labels.condition, s = result.prior.scenario
        var out: [String] = []
        out.append(style.heading(words.posteriorHeading))
        var parameters = TextTable([
            (words.parameter, .left), (words.priorMedian, .left), (words.posteriorMedian, .left),
            (words.shift, .right), (words.width, .left),
        ])
        for movement in movements {
            func text(_ q: [Double]) -> String { "\(NumberStyle.parameter(q[1])) (\(NumberStyle.parameter(q[0]))–\(NumberStyle.parameter(q[2])))" }
            parameters.appendParameter(
                s.parameters[movement.parameter].keyPath, scenario: s, labels: labels,
                cells: [
                    text(movement.prior), text(movement.posterior), shiftText(movement), widthText(movement, labels),
                ])
        }
        out.append(parameters.render())
        out.append("")

        return out
    }

    /// The sampler's populations, steps and costs.
    private func diagnosticsSection(_ labels: Labels, _ style: TerminalStyle) -> [String] {
        let words = labels.condition, numbers = labels.numbers
        var out: [String] = []
        out.append(style.heading(words.diagnosticsHeading))
        out.append("  " + sampleLine(labels))
        var steps = TextTable([
            (words.chain, .right), (words.step, .right), (words.temperature, .right), (words.ess, .right),
            (words.parameterAcceptance, .right), (words.noiseAcceptance, .right), (words.moves, .right),
        ])
        for (c, chain) in result.chains.enumerated() {
            for (i, step) in chain.iterations.enumerated() {
                steps.append([
                    String(c + 1), String(i + 1), NumberStyle.trimmed(NumberStyle.fixed(step.temperature, 4)),
                    NumberStyle.grouped(step.effectiveSampleSize), step.parameterAcceptance.map(numbers.percent) ?? "–",
                    numbers.percent(step.noiseAcceptance), String(step.moves),
                ])
            }
        }
        out.append(steps.render())
        out.append(
            "  "
                + words.spent(
                    conditioning: NumberStyle.grouped(Double(result.conditioningRuns)),
                    final: NumberStyle.grouped(Double(result.modelRuns - result.conditioningRuns)),
                    months: NumberStyle.grouped(Double(result.modelMonths))))
        out.append("")
        return out
    }

    // MARK: - Files

    /// `--format csv`: each target before and after, with the measured Monte Carlo error.
    public func targetsCSV() -> String {
        var table = CSVTable(header: [
            "target_id", "p_prior", "p_conditioned", "ci_low", "ci_high", "p_se_between_chains",
            "median", "median_se_between_chains", "p05", "p95", "verdict", "reliable",
        ])
        for (j, (before, after)) in zip(priorSummary.targets, posteriorSummary.targets).enumerated() {
            let interval = conditionedInterval(j), error = result.targetErrors[j]
            table.append(
                [after.target.id]
                    + [
                        before.probability, after.probability, interval.lowerBound, interval.upperBound, error.probabilitySE,
                        after.median, error.medianSE, after.p05, after.p95,
                    ].map(formatNumber)
                    + [after.verdict.rawValue, result.isReliable(target: j) ? "yes" : "no"])
        }
        return table.text
    }

    /// posterior.csv: the parameters the figures can inform, most moved first.
    public func posteriorCSV() -> String {
        var table = CSVTable(header: [
            "parameter", "prior_p05", "prior_p50", "prior_p95", "post_p05", "post_p50", "post_p95",
            "median_shift", "median_shift_se", "width_ratio", "width_ratio_se",
        ])
        let s = result.prior.scenario
        for m in movements {
            table.append([s.parameters[m.parameter].keyPath] + (m.prior + m.posterior + [m.shift, m.shiftSE, m.widthRatio, m.widthRatioSE]).map(formatNumber))
        }
        return table.text
    }

    /// observations.csv: each figure against the prior, the posterior and the replicated reports.
    public func observationsCSV() -> String {
        var table = CSVTable(header: [
            "month", "metric", "value", "rel_error", "prior_share", "prior_p05", "prior_p95", "post_p05", "post_p95",
            "rep_p005", "rep_p05", "rep_p95", "rep_p995", "rep_share", "surprising", "misfit",
        ])
        for check in result.checks {
            let o = check.observation
            table.append(
                [o.month.description, o.metric.description]
                    + [
                        o.value, o.relativeError, check.priorShare, check.priorP05,
                        check.priorP95, check.posteriorP05, check.posteriorP95,
                        check.replicateP005, check.replicateP05, check.replicateP95,
                        check.replicateP995, check.replicateShare,
                    ].map(formatNumber)
                    + [check.isSurprising ? "yes" : "no", check.isMisfit ? "yes" : "no"])
        }
        return table.text
    }

    /// diagnostics.csv: one row per population and tempering step.
    public func diagnosticsCSV() -> String {
        var table = CSVTable(header: ["chain", "step", "temperature", "ess", "parameter_acceptance", "noise_acceptance", "sweeps", "reached_cap"])
        for (c, chain) in result.chains.enumerated() {
            for (i, step) in chain.iterations.enumerated() {
                let numbers =
                    [step.temperature, step.effectiveSampleSize].map(formatNumber)
                    + [step.parameterAcceptance.map(formatNumber) ?? "", formatNumber(step.noiseAcceptance)]
                table.append([String(c + 1), String(i + 1)] + numbers + [String(step.moves), step.reachedCap ? "yes" : "no"])
            }
        }
        return table.text
    }

    /// chains.csv: each population's final sample.
    public func chainsCSV() -> String {
        var table = CSVTable(header: ["chain", "particles", "steps", "temperature", "final_acceptance", "distinct", "families"])
        for (c, chain) in result.chains.enumerated() {
            table.append(
                [String(c + 1), String(chain.particles), String(chain.iterations.count)]
                    + [chain.temperature, chain.finalAcceptance].map(formatNumber) + [String(chain.distinct), formatNumber(chain.families)])
        }
        return table.text
    }

    /// `--format json`.
    /// - Parameter observed: the figures' file (or `observed:` for the scenario's section) and the
    ///   SHA-256 of their text.
    public func json(scenario: String, observed: (source: String, sha256: String), provenance: Provenance? = nil) throws -> String {
        struct Document: Encodable {
            let provenance: Provenance?
            let scenario: String, observed: String, observed_sha256: String
            let particles: Int, chains: Int, seed: UInt64, temperature: Double, converged: Bool
            let distinct: Int, families: Double, warnings: [String], degenerate: Bool
            let conditioning_runs: Int, model_runs: Int, model_months: Int
            let targets: [[String: JSONReport.Field]], observations: [[String: JSONReport.Field]]
            let posterior: [[String: JSONReport.Field]], diagnostics: [[String: JSONReport.Field]], populations: [[String: JSONReport.Field]]
        }
        /// The rows of one of the CSV files as objects: numbers as numbers, empty cells as null.
        /// (No cell of these files holds a comma or a quote: ids, key paths, months and numbers.)
        func objects(_ csv: String) -> [[String: JSONReport.Field]] {
            let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let text: Set<String> = ["target_id", "verdict", "reliable", "month", "metric", "parameter", "surprising", "misfit", "reached_cap"]
            return rows.dropFirst().map { row in
                Dictionary(
                    uniqueKeysWithValues: zip(rows[0], row).map { key, value -> (String, JSONReport.Field) in
                        if value.isEmpty { return (key, .null) }
                        if !text.contains(key), let x = Double(value) { return (key, .number(x)) }
                        return (key, .text(value))
                    })
            }
        }
        let document = Document(
            provenance: provenance, scenario: scenario, observed: observed.source, observed_sha256: observed.sha256, particles: result.posterior.runs,
            chains: result.chains.count, seed: result.posterior.seed,
            temperature: result.temperature, converged: result.converged, distinct: result.distinct, families: result.families,
            warnings: warnings(.english), degenerate: result.isDegenerate,
            conditioning_runs: result.conditioningRuns, model_runs: result.modelRuns, model_months: result.modelMonths,
            targets: objects(targetsCSV()), observations: objects(observationsCSV()),
            posterior: objects(posteriorCSV()), diagnostics: objects(diagnosticsCSV()), populations: objects(chainsCSV()))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
