import PilotModel
import Simulator

/// The report `pilotsim run` prints by default: what was run, each target's chance, the joint
/// chances and what each stage adds — in the labels and number units of a language.
public enum TerminalReport {
    /// - Parameter stoppingRule: how the run count was chosen, when it was not given.
    /// - Parameter figures: what the report says about reported figures (none, or ignored with
    ///   `--prior`); no line when nil.
    public static func render(
        _ summary: SimulationSummary, result: SimulationResult, source: String, labels: Labels = .english,
        style: TerminalStyle = .plain, stoppingRule: String? = nil, figures: String? = nil
    ) -> String {
        let s = result.scenario, calendar = s.calendar, numbers = labels.numbers
        let header =
            [
                (labels.scenario, source)
            ] + ReportHeader.figuresRow(figures, labels) + [
                (labels.runs, "\(NumberStyle.grouped(Double(result.runs)))\(stoppingRule.map { " (\($0))" } ?? "")   \(labels.seed) \(result.seed)"),
                (labels.generator, labels.generatorDescription),
                (
                    labels.calendar,
                    "\(calendar.start) … \(calendar.end): "
                        + calendar.stages.map { "\(labels.stage($0.id)) \($0.from)…\($0.to)" }.joined(separator: ", ")
                ),
            ]
        var out = ReportHeader.render(title: "pilotsim — \(labels.text(s.name))", header.map { (key: $0.0, value: $0.1) }, style: style)
        out.append("")

        guard !summary.targets.isEmpty else {
            out.append(labels.noTargets)
            out.append(stages(summary, calendar: calendar, labels: labels, style: style))
            return out.joined(separator: "\n") + "\n"
        }
        out.append(style.heading(labels.targets))
        var table = TextTable([
            (labels.target, .left), (labels.deadline, .left), (labels.goal, .left), (labels.medianAtDeadline, .left),
            (labels.probability, .right), (labels.interval95, .left), (labels.verdict, .left),
        ])
        for t in summary.targets {
            let metric = t.target.metric
            let spread = numbers.spread(t.median, t.p05, t.p95, of: metric)
            table.append(
                [
                    labels.text(t.target.label), t.target.deadline.description, labels.goal(t.target), spread, numbers.percent(t.probability),
                    numbers.interval(t.interval), labels.verdict(t.verdict),
                ],
                decorations: style.verdict(t.verdict).map { [6: $0] } ?? [:])
        }
        out.append(table.render())
        out.append("")

        out.append(jointAndStages(summary, calendar: calendar, labels: labels, style: style))
        out.append("")
        out.append(
            labels.monteCarloError(
                halfWidthPoints: NumberStyle.fixed(MonteCarlo.widestHalfWidth(summary) * 100, 1),
                runs: NumberStyle.grouped(Double(result.runs))))
        return out.joined(separator: "\n") + "\n"
    }

    /// The joint probabilities by deadline and overall, then what each stage adds.
    static func jointAndStages(_ summary: SimulationSummary, calendar: ScenarioCalendar, labels: Labels, style: TerminalStyle) -> String {
        let numbers = labels.numbers
        var joint = TextTable([(labels.jointTargets, .left), (labels.probabilityAll, .right), (labels.interval95, .left)])
        for j in summary.joint {
            let name = j.deadline.map { labels.due($0, count: j.targetIDs.count) } ?? labels.all(j.targetIDs.count)
            joint.append([name, numbers.percent(j.probability), numbers.interval(j.interval)])
        }
        return [style.heading(labels.joint), joint.render(), "", stages(summary, calendar: calendar, labels: labels, style: style)]
            .joined(separator: "\n")
    }

    private static func stages(_ summary: SimulationSummary, calendar: ScenarioCalendar, labels: Labels, style: TerminalStyle) -> String {
        let numbers = labels.numbers
        var table = TextTable([(labels.stage, .left), (labels.months, .left)] + StageIncrement.metrics.map { ("+" + labels.metric($0), .left) })
        for stage in calendar.stages {
            let cells = StageIncrement.metrics.map { metric -> String in
                let row = summary.stageIncrements.first { $0.stage == stage.id && $0.metric == metric }!
                return numbers.spread(row.median, row.p05, row.p95, of: metric)
            }
            table.append([labels.stage(stage.id), "\(stage.from)…\(stage.to)"] + cells)
        }
        return style.heading(labels.stagesHeading) + "\n" + table.render()
    }
}
