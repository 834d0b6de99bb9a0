import PilotModel
import Simulator

/// The sweep's terminal table and long CSV.
public enum SweepReport {
    /// The long CSV; with `firstPoint`, of the points from there on (a shard of the sweep).
    public static func csv(_ sweep: Sweep, _ summaries: [SimulationSummary], firstPoint: Int = 0) -> String {
        var table = CSVTable(header: ["point"] + sweep.axes.map(\.path)
                             + ["target_id", "p_met", "ci_low", "ci_high", "median", "p05", "p95"])
        for (k, summary) in summaries.enumerated() {
            let i = firstPoint + k
            for t in summary.targets {
                table.append([String(i)] + sweep.points[i].map(formatNumber)
                             + [t.target.id, formatNumber(t.probability), formatNumber(t.interval.lowerBound),
                                formatNumber(t.interval.upperBound), formatNumber(t.median), formatNumber(t.p05),
                                formatNumber(t.p95)])
            }
        }
        return table.text
    }

    public static func table(_ sweep: Sweep, _ summaries: [SimulationSummary], runs: Int, seed: UInt64,
                             source: String, labels: Labels = .english, figures: String? = nil) -> String {
        let words = labels.analysis
        let targets = summaries.first?.targets.map(\.target) ?? []
        var out = ReportHeader.render(title: "\(words.sweepTitle) — \(labels.text(sweep.scenarios[0].name))", [
            (labels.scenario, source),
        ] + ReportHeader.figuresRow(figures, labels) + [
            (labels.runs, "\(words.sweepRuns(NumberStyle.grouped(Double(runs)), points: sweep.points.count))   \(labels.seed) \(seed)"),
            (labels.generator, labels.generatorDescription),
        ]) + ["", words.sweepTableHeading]
        var table = TextTable([(words.point, .right)] + sweep.axes.map { ($0.path, .right) } + targets.map { ($0.id, .left) })
        for (i, summary) in summaries.enumerated() {
            table.append([String(i)] + sweep.points[i].map(NumberStyle.parameter) + summary.targets.map { t in
                "\(NumberStyle.fixed(t.probability * 100, 1)) (\(NumberStyle.fixed(t.interval.lowerBound * 100, 1))–\(NumberStyle.fixed(t.interval.upperBound * 100, 1)))"
            })
        }
        out.append(table.render())
        out.append("")
        let worst = summaries.map(MonteCarlo.widestHalfWidth).max() ?? 0
        out.append(words.sweepError(halfWidthPoints: NumberStyle.fixed(worst * 100, 1)))
        return out.joined(separator: "\n") + "\n"
    }
}
