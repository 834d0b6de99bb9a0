import Foundation
import PilotModel
import Simulator

/// The self-contained HTML report: one XHTML file with inline SVG charts and CSS, no scripts and
/// nothing fetched, so it opens from an e-mail attachment.
public struct HTMLReport {
    /// The fan-chart metrics.
    public static let fanMetrics: [Metric] = [.wallets, .merchants, .amount]
    /// How many parameters each tornado chart shows at most (those that move the target at all).
    static let tornadoBars = 8

    public let result: SimulationResult
    /// The runs the per-run sections draw on (see `init`).
    public let perRun: SimulationResult
    public let summary: SimulationSummary
    public let monthly: [MonthlyQuantiles]
    let tornado: (analysis: Tornado, baseline: SimulationSummary, bars: [[Tornado.Bar]])?
    let labels: Labels
    let commandLine: String
    let generated: Date
    let source: String
    /// What the report says about reported figures: conditioned on them, none, or ignored.
    let figures: String?
    /// With `report --observed`: the conditioning, and the prior's monthly quantiles for the charts.
    let conditioning: (report: ConditionReport, priorMonthly: [MonthlyQuantiles])?
    /// With `report --compare`: the comparison with another plan and the two plans' names.
    let comparison: (comparison: Comparison, a: String, b: String)?
    /// With `report --explain`: each target's Monte Carlo filtering of `perRun`, whose two top
    /// decisive inputs are drawn as empirical CDFs.
    let explanation: [MonteCarloFiltering]?
    /// With `report --sobol`: the Sobol indices of each target.
    let sobol: (analysis: GlobalSensitivity, estimate: SobolAnalysis.Estimate)?
    /// With `report --sweep`: P(met) of each target at every point of the sweep.
    let sweep: (sweep: Sweep, summaries: [SimulationSummary])?
    /// The what-if desk's controls, shown under the title when the report is a page of `pilotsim serve`.
    let desk: DeskForm?
    /// How many inputs per target `--explain` draws.
    static let explainCharts = 2

    /// - Parameters:
    ///   - result: the simulation (the posterior, when conditioned).
    ///   - perRun: the runs whose per-run values the histograms, the explanation and the comparison
    ///     draw on, when `result` did not keep them (its first runs); `result` itself by default.
    ///   - tornado: the tornado analysis to include, if any.
    ///   - conditioning: the conditioning on reported figures, if any: the charts then draw the
    ///     figures and the prior's P5–P95 over the conditioned bands, and a section compares them.
    public init(
        result: SimulationResult, perRun: SimulationResult? = nil, summary: SimulationSummary, monthly: [MonthlyQuantiles],
        tornado: (analysis: Tornado, baseline: SimulationSummary, bars: [[Tornado.Bar]])?, labels: Labels,
        commandLine: String, generated: Date, source: String,
        conditioning: (report: ConditionReport, priorMonthly: [MonthlyQuantiles])? = nil,
        comparison: (comparison: Comparison, a: String, b: String)? = nil, explanation: [MonteCarloFiltering]? = nil, figures: String? = nil,
        sobol: (analysis: GlobalSensitivity, estimate: SobolAnalysis.Estimate)? = nil,
        sweep: (sweep: Sweep, summaries: [SimulationSummary])? = nil, desk: DeskForm? = nil
    ) {
        self.desk = desk
        self.figures = figures
        self.sobol = sobol
        self.sweep = sweep
        self.conditioning = conditioning
        self.comparison = comparison
        self.explanation = explanation
        self.result = result
        self.perRun = perRun ?? result
        self.summary = summary
        self.monthly = monthly
        self.tornado = tornado
        self.labels = labels
        self.commandLine = commandLine
        self.generated = generated
        self.source = source
    }

    public var scenario: Scenario { result.scenario }

    func fanChart(_ metric: Metric) -> FanChart {
        FanChart(
            metric: metric, rows: monthly.filter { $0.metric == metric }, scenario: scenario, labels: labels,
            priorRows: conditioning.map { $0.priorMonthly.filter { $0.metric == metric } },
            observations: conditioning.map { $0.report.result.observationsOf(metric) } ?? [])
    }

    /// Every chart as a standalone SVG document, named for `--svg-dir`.
    public func charts() -> [(name: String, svg: String)] {
        var charts = Self.fanMetrics.map { ("fan-\($0).svg", fanChart($0).svg()) }
        charts += scenario.targets.enumerated().map { j, target in
            (
                "histogram-\(target.id).svg",
                Histogram(target: target, values: perRun.targetValues[j], labels: labels)
                    .svg(title: labels.histogramTitle(label: labels.text(target.label), deadline: target.deadline))
            )
        }
        charts += tornadoCharts() + explanationCharts() + sobolCharts() + sweepCharts()
        return charts.map { (name: $0.0, svg: $0.1) }
    }

    /// With `--tornado`: a chart per target of the parameters that move it.
    private func tornadoCharts() -> [(String, String)] {
        guard let tornado else { return [] }
        var charts: [(String, String)] = []
        charts += scenario.targets.enumerated().map { j, target in
            (
                "tornado-\(target.id).svg",
                TornadoChart(
                    target: target, scenario: scenario, low: tornado.analysis.low, high: tornado.analysis.high,
                    baseline: tornado.baseline.targets[j].probability,
                    bars: Array(tornado.bars[j].filter { $0.swing > 0 }.prefix(Self.tornadoBars)),
                    labels: labels
                )
                .svg(title: "\(labels.text(target.label)) (\(target.id))")
            )
        }
        return charts
    }

    /// With `--explain`: per target, the empirical CDFs of its decisive inputs in runs that met and
    /// missed it.
    private func explanationCharts() -> [(String, String)] {
        guard let explanation else { return [] }
        var charts: [(String, String)] = []
        let width = perRun.uncertainParameters.count
        charts += explanation.enumerated().flatMap { j, filtering -> [(String, String)] in
            let target = filtering.target
            // Only decisive inputs are drawn: a chart of a chance difference would read as a finding.
            return filtering.inputs.filter(\.isDecisive).prefix(Self.explainCharts).map { input in
                let column = perRun.uncertainParameters.firstIndex(of: input.parameter)!
                var met: [Double] = [], missed: [Double] = []
                for run in 0..<perRun.runs {
                    let value = perRun.parameterValues[run * width + column]
                    if target.isMet(by: perRun.targetValues[j][run]) { met.append(value) } else { missed.append(value) }
                }
                return (
                    "ecdf-\(target.id)-\(input.keyPath).svg",
                    ECDFChart(met: met, missed: missed, split: input.threshold, labels: labels)
                        .svg(
                            title:
                                "\(labels.text(target.label)) · \(ParameterCatalogue.label(input.keyPath, scenario: scenario, labels)) (KS \(NumberStyle.fixed(input.distance, 2)), q \(ExplainReport.pValueText(input.qValue ?? 1)))"
                        )
                )
            }
        }
        return charts
    }

    /// With `--sobol`: a chart per target whose value varies.
    private func sobolCharts() -> [(String, String)] {
        guard let sobol else { return [] }
        var charts: [(String, String)] = []
        let names = sobol.analysis.inputs.map { input -> String in
            if case .parameter(let i) = input { return ParameterCatalogue.label(scenario.parameters[i].keyPath, scenario: scenario, labels) }
            return labels.analysis.inputName(input, of: scenario)
        }
        charts += zip(scenario.targets, sobol.estimate.indices).filter { !$0.1.isEmpty }.map { target, indices in
            ("sobol-\(target.id).svg", SobolChart(names: names, indices: indices, labels: labels).svg(title: "\(labels.text(target.label)) (\(target.id))"))
        }
        return charts
    }

    /// With `--sweep`: a chart per target of P(met) across the points.
    private func sweepCharts() -> [(String, String)] {
        guard let sweep else { return [] }
        var charts: [(String, String)] = []
        charts += scenario.targets.enumerated().map { j, target in
            (
                "sweep-\(target.id).svg",
                SweepChart(sweep: sweep.sweep, target: j, summaries: sweep.summaries, labels: labels)
                    .svg(title: "\(labels.text(target.label)) (\(target.id))")
            )
        }
        return charts
    }

    /// The page, with `charts` (from `charts()`, passed in when the caller also needs them) inline.
    /// Long because the template's view is one dictionary literal: every key the template reads is
    /// in one place, next to the row builders it needs.
    public func html(charts: [(name: String, svg: String)]? = nil) -> String {
        let numbers = labels.numbers
        let charts = charts ?? self.charts()
        func chart(_ prefix: String) -> [[String: String]] {
            charts.filter { $0.name.hasPrefix(prefix) }.map { ["svg": $0.svg] }
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"

        let targets = summary.targets.enumerated().map { j, t -> [String: Any] in
            let m = t.target.metric
            // A conditioned verdict the sample cannot support reads "unreliable", uncoloured.
            let reliable = conditioning?.report.result.isReliable(target: j) ?? true
            return [
                "id": t.target.id, "label": labels.text(t.target.label), "deadline": t.target.deadline.description, "goal": labels.goal(t.target),
                "threshold": formatNumber(t.target.threshold),
                "spread": numbers.spread(t.median, t.p05, t.p95, of: m),
                "medianValue": formatNumber(t.median), "p05Value": formatNumber(t.p05), "p95Value": formatNumber(t.p95),
                "pMet": numbers.percent(t.probability), "pMetValue": formatNumber(t.probability),
                "interval": numbers.interval(t.interval),
                "ciLowValue": formatNumber(t.interval.lowerBound), "ciHighValue": formatNumber(t.interval.upperBound),
                "verdict": reliable ? labels.verdict(t.verdict) : labels.condition.unreliable,
                "verdictClass": reliable ? t.verdict.rawValue : "unreliable",
            ]
        }
        let joint = summary.joint.map { j -> [String: String] in
            [
                "name": j.deadline.map { labels.due($0, count: j.targetIDs.count) } ?? labels.all(j.targetIDs.count),
                "targets": j.targetIDs.joined(separator: ", "), "p": numbers.percent(j.probability), "interval": numbers.interval(j.interval),
            ]
        }
        let stages = scenario.calendar.stages.map { stage -> [String: Any] in
            [
                "name": labels.stage(stage.id), "months": "\(stage.from)…\(stage.to)",
                "cells": StageIncrement.metrics.map { metric -> [String: String] in
                    let row = summary.stageIncrements.first { $0.stage == stage.id && $0.metric == metric }!
                    return ["text": numbers.spread(row.median, row.p05, row.p95, of: metric)]
                },
            ]
        }
        let assumptions = scenario.uncertainParameters.map { scenario.parameters[$0] }.map { spec -> [String: String] in
            let q = [0.05, 0.5, 0.95].map { NumberStyle.parameter(spec.quantile($0)) }
            return [
                "label": ParameterCatalogue.label(spec.keyPath, scenario: scenario, labels), "path": spec.keyPath,
                "distribution": spec.distributionText(labels), "p05": q[0], "p50": q[1], "p95": q[2],
            ]
        }
        let view: [String: Any] = [
            "lang": labels.language == .chinese ? "zh-CN" : "en",
            // A conditioned report says so in its title, its targets heading and how to read it.
            "title": "\(desk != nil ? labels.desk.title : conditioning == nil ? labels.reportTitle : labels.condition.title) — \(labels.text(scenario.name))",
            "labels": labelView,
            "targetsHeading": conditioning != nil && figures != nil ? "\(labels.targets) — \(figures!)" : labels.targets,
            "howToReadConditioned": labels.condition.howToReadConditioned,
            "verdictDefinition": labels.verdictDefinition(scenario.verdict),
            "runsLabel": conditioning == nil ? labels.runs : labels.condition.particles,
            "scenarioName": labels.text(scenario.name), "description": scenario.description.map(labels.text) ?? "",
            "hasDescription": scenario.description != nil, "hasDesk": desk != nil, "desk": desk?.html() ?? "",
            // A desk page being refined asks for the refined answer's address, which shows it once its runs are done.
            "hasRefresh": !(desk?.refinement?.url.isEmpty ?? true), "refreshURL": desk?.refinement?.url ?? "",
            "refreshSeconds": desk?.refinement?.refreshSeconds ?? 0,
            "source": source, "generated": formatter.string(from: generated), "command": commandLine, "version": PilotsimVersion.current,
            "hasFigures": figures != nil, "figures": figures ?? "",
            "seed": String(result.seed), "runs": NumberStyle.grouped(Double(result.runs)), "generator": labels.generatorDescription,
            "calendar": "\(scenario.calendar.start) … \(scenario.calendar.end)",
            "hasTargets": !summary.targets.isEmpty, "targets": targets, "joint": joint,
            "stageMetrics": StageIncrement.metrics.map { ["name": "+" + labels.metric($0)] }, "stages": stages,
            "fanCharts": chart("fan-"), "histograms": chart("histogram-"),
            "perRunNote": perRun.runs < result.runs
                ? labels.perRunNote(kept: NumberStyle.grouped(Double(perRun.runs)), of: NumberStyle.grouped(Double(result.runs))) : "",
            "hasTornado": tornado != nil, "tornadoCharts": chart("tornado-"),
            "tornadoNote": tornado.flatMap { t in
                t.baseline.targets.first.map { $0.runs < result.runs ? labels.tornadoRuns($0.runs, of: result.runs) : "" }
            } ?? "",
            "assumptions": assumptions,
            "hasSobol": sobol != nil, "sobolCharts": chart("sobol-"), "sobolHeading": labels.analysis.sobolHeading,
            "sobolReading": labels.analysis.sobolChartReading + " "
                + (sobol.map { labels.analysis.sobolError(rows: NumberStyle.grouped(Double($0.estimate.samples))) } ?? ""),
            "hasSweep": sweep != nil, "sweepCharts": chart("sweep-"), "sweepHeading": labels.analysis.sweepHeading,
            "sweepReading": labels.analysis.sweepChartReading,
            "hasExplain": explanation != nil, "explainCharts": chart("ecdf-"), "explainHeading": labels.decision.explainHeading,
            "explainReading": labels.decision.explainReading,
            "hasComparison": comparison != nil, "comparison": comparison.map { comparisonView($0.comparison, a: $0.a, b: $0.b) } ?? [:],
            "hasConditioning": conditioning != nil, "conditioning": conditioning.map { conditioningView($0.report) } ?? [:],
            "error": conditioning == nil
                ? labels.monteCarloError(
                    halfWidthPoints: NumberStyle.fixed(MonteCarlo.widestHalfWidth(summary) * 100, 1),
                    runs: NumberStyle.grouped(Double(result.runs)))
                : labels.condition.measuredError(halfWidthPoints: NumberStyle.fixed(MonteCarlo.widestHalfWidth(summary) * 100, 1)),
        ]
        return Templates.report.render(view)
    }

    /// The comparison with another plan, as the template reads it.
    private func comparisonView(_ comparison: Comparison, a: String, b: String) -> [String: Any] {
        let words = labels.decision, numbers = labels.numbers
        let rows = comparison.matched.map { t -> [String: String] in
            [
                "label": labels.text(t.target.label), "pA": numbers.percent(t.pA), "pB": numbers.percent(t.pB),
                "difference":
                    "\(CompareReport.signedPoints(t.difference)) (\(CompareReport.signedPoints(t.interval.lowerBound)) … \(CompareReport.signedPoints(t.interval.upperBound)))",
                "onlyA": numbers.percent(Double(t.onlyA) / Double(t.runs)), "onlyB": numbers.percent(Double(t.onlyB) / Double(t.runs)),
            ]
        }
        let unmatched =
            (comparison.onlyInA.map { "\(words.onlyInA): \(labels.text($0.label)) (\($0.id))" }
            + comparison.onlyInB.map { "\(words.onlyInB): \(labels.text($0.label)) (\($0.id))" }).map { ["text": $0] }
        return [
            "heading": words.compareHeading, "a": "\(words.scenarioA): \(a)", "b": "\(words.scenarioB): \(b)", "rows": rows,
            "unmatched": unmatched, "reading": words.compareReading,
            "words": [
                "target": labels.target, "pA": words.pA, "pB": words.pB, "difference": words.difference,
                "onlyA": words.onlyA, "onlyB": words.onlyB,
            ],
        ]
    }

    /// The section on reported figures, as the template reads it.
    private func conditioningView(_ report: ConditionReport) -> [String: Any] {
        let words = labels.condition, numbers = labels.numbers, result = report.result
        let targets = zip(report.priorSummary.targets, report.posteriorSummary.targets).enumerated().map { j, pair -> [String: String] in
            [
                "label": labels.text(pair.1.target.label), "prior": numbers.percent(pair.0.probability),
                "conditioned": numbers.percent(pair.1.probability), "interval": numbers.interval(report.conditionedInterval(j)),
                "verdict": report.verdict(j, labels: labels),
            ]
        }
        let observations = result.checks.map { check -> [String: String] in
            let o = check.observation, m = o.metric
            return [
                "month": o.month.description, "metric": labels.metric(m), "value": numbers.value(o.value, of: m),
                "share": numbers.percent(check.priorShare),
                "prior": numbers.values([check.priorP05, check.priorP95], of: m).joined(separator: "–"),
                "posterior": numbers.values([check.posteriorP05, check.posteriorP95], of: m).joined(separator: "–"),
                "replicates": numbers.values([check.replicateP05, check.replicateP95], of: m).joined(separator: "–"),
                "fit": check.isMisfit ? words.fitOutside : words.fitOK,
            ]
        }
        let scenario = result.prior.scenario
        let parameters = report.movements.prefix(12).map { movement -> [String: String] in
            func text(_ q: [Double]) -> String { "\(NumberStyle.parameter(q[1])) (\(NumberStyle.parameter(q[0]))–\(NumberStyle.parameter(q[2])))" }
            let path = scenario.parameters[movement.parameter].keyPath
            return [
                "label": ParameterCatalogue.label(path, scenario: scenario, labels), "path": path, "prior": text(movement.prior),
                "posterior": text(movement.posterior),
                "shift": report.shiftText(movement), "width": report.widthText(movement, labels),
            ]
        }
        let warnings = report.warnings(labels)
        return [
            "heading": words.observationsHeading, "warnings": warnings.map { ["text": $0] }, "hasWarnings": !warnings.isEmpty,
            "targets": targets, "observations": observations, "parameters": parameters,
            "words": [
                "target": labels.target, "prior": words.prior, "conditioned": words.conditioned, "intervalESS": words.intervalESS,
                "month": words.month, "metric": words.metric, "observed": words.observed, "priorShare": words.priorShare,
                "priorRange": words.priorRange, "posteriorRange": words.posteriorRange, "posteriorHeading": words.posteriorHeading,
                "parameter": words.parameter, "priorMedian": words.priorMedian, "posteriorMedian": words.posteriorMedian,
                "shift": words.shift, "width": words.width, "replicateRange": words.replicateRange, "fit": words.fit,
                "verdict": labels.verdict, "reading": words.reading,
            ],
            "sample": report.sampleLine(labels),
            "spent": words.spent(
                conditioning: NumberStyle.grouped(Double(result.conditioningRuns)),
                final: NumberStyle.grouped(Double(result.modelRuns - result.conditioningRuns)),
                months: NumberStyle.grouped(Double(result.modelMonths))),
        ]
    }

    /// The label table as the template reads it.
    private var labelView: [String: String] {
        [
            "scenario": labels.scenario, "figures": labels.condition.observationsFile, "runs": labels.runs, "seed": labels.seed, "generator": labels.generator,
            "calendar": labels.calendar, "generated": labels.generated, "command": labels.command,
            "targets": labels.targets, "target": labels.target, "deadline": labels.deadline, "goal": labels.goal,
            "medianAtDeadline": labels.medianAtDeadline, "probability": labels.probability, "interval95": labels.interval95,
            "verdict": labels.verdict, "joint": labels.joint, "jointTargets": labels.jointTargets, "probabilityAll": labels.probabilityAll,
            "stagesHeading": labels.stagesHeading, "stage": labels.stage, "months": labels.months, "noTargets": labels.noTargets,
            "assumptions": labels.assumptions, "parameter": labels.parameter, "distribution": labels.distribution,
            "howToReadHeading": labels.howToReadHeading, "howToRead": labels.howToRead,
            "fanChartsHeading": labels.fanChartsHeading, "histogramsHeading": labels.histogramsHeading, "tornadoHeading": labels.tornadoHeading,
        ]
    }
}
