import PilotModel
import Simulator

/// The report `pilotsim run` prints by default: what was run, each target's chance, the joint
/// chances and what each stage adds.
enum TerminalReport {
    /// `stoppingRule` says how the run count was chosen, when it was not given.
    static func render(_ summary: SimulationSummary, result: SimulationResult, source: String, stoppingRule: String? = nil) -> String {
        let s = result.scenario, calendar = s.calendar
        var out: [String] = []
        out.append("pilotsim — \(s.name)")
        out.append("  scenario   \(source)")
        out.append("  runs       \(ReadableNumbers.count(Double(result.runs)))\(stoppingRule.map { " (\($0))" } ?? "")   seed \(result.seed)")
        out.append("  generator  \(Generators.description)")
        out.append("  calendar   \(calendar.start) … \(calendar.end): "
                   + calendar.stages.map { "\($0.id) \($0.from)…\($0.to)" }.joined(separator: ", "))
        out.append("")

        guard !summary.targets.isEmpty else {
            out.append("No targets in this scenario.")
            out.append(stages(summary, calendar: calendar))
            return out.joined(separator: "\n") + "\n"
        }
        out.append("Targets")
        var table = TextTable([("target", .left), ("deadline", .left), ("goal", .left), ("median (P5–P95) at deadline", .left),
                               ("P(met)", .right), ("95% interval", .left), ("verdict", .left)])
        for t in summary.targets {
            let metric = t.target.metric
            let goal = t.target.base.map { "+\(ReadableNumbers.value(t.target.threshold, of: metric)) over \($0)" }
                ?? "≥ \(ReadableNumbers.value(t.target.threshold, of: metric))"
            let spread = "\(ReadableNumbers.value(t.median, of: metric)) (\(ReadableNumbers.value(t.p05, of: metric))–\(ReadableNumbers.value(t.p95, of: metric)))"
            table.append([t.target.label, t.target.deadline.description, goal, spread, ReadableNumbers.percent(t.probability),
                          interval(t.interval), t.verdict.rawValue])
        }
        out.append(table.render())
        out.append("")

        out.append("Joint probabilities (all listed targets met in the same run)")
        var joint = TextTable([("targets", .left), ("P(all met)", .right), ("95% interval", .left)])
        for j in summary.joint {
            let name = j.deadline.map { "due \($0) (\(j.targetIDs.count))" } ?? "all \(j.targetIDs.count) targets"
            joint.append([name, ReadableNumbers.percent(j.probability), interval(j.interval)])
        }
        out.append(joint.render())
        out.append("")
        out.append(stages(summary, calendar: calendar))
        out.append("")
        let worst = MonteCarlo.widestHalfWidth(summary)
        out.append("Monte Carlo error: P(met) ± \(ReadableNumbers.fixed(worst * 100, 1)) points at most (95% Wilson half-width, "
                   + "\(ReadableNumbers.count(Double(result.runs))) runs); more runs narrow it by 1/√runs.")
        return out.joined(separator: "\n") + "\n"
    }

    private static func interval(_ range: ClosedRange<Double>) -> String {
        "\(ReadableNumbers.fixed(range.lowerBound * 100, 1))–\(ReadableNumbers.percent(range.upperBound))"
    }

    private static func stages(_ summary: SimulationSummary, calendar: ScenarioCalendar) -> String {
        var table = TextTable([("stage", .left), ("months", .left)] + StageIncrement.metrics.map { ("+\($0)", .left) })
        for stage in calendar.stages {
            let cells = StageIncrement.metrics.map { metric -> String in
                let row = summary.stageIncrements.first { $0.stage == stage.id && $0.metric == metric }!
                return "\(ReadableNumbers.value(row.median, of: metric)) (\(ReadableNumbers.value(row.p05, of: metric))–\(ReadableNumbers.value(row.p95, of: metric)))"
            }
            table.append([stage.id, "\(stage.from)…\(stage.to)"] + cells)
        }
        return "Added in each stage, median (P5–P95)\n" + table.render()
    }
}
