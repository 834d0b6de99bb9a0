import PilotModel
import PilotReport
import Simulator

/// The sweep's terminal table and long CSV.
enum SweepReport {
    static func csv(_ sweep: Sweep, _ summaries: [SimulationSummary]) -> String {
        var table = CSVTable(header: ["point"] + sweep.axes.map(\.path)
                             + ["target_id", "p_met", "ci_low", "ci_high", "median", "p05", "p95"])
        for (i, summary) in summaries.enumerated() {
            for t in summary.targets {
                table.append([String(i)] + sweep.points[i].map(CSVTable.number)
                             + [t.target.id, CSVTable.number(t.probability), CSVTable.number(t.interval.lowerBound),
                                CSVTable.number(t.interval.upperBound), CSVTable.number(t.median), CSVTable.number(t.p05),
                                CSVTable.number(t.p95)])
            }
        }
        return table.text
    }

    static func table(_ sweep: Sweep, _ summaries: [SimulationSummary], runs: Int, seed: UInt64,
                      scenario: String, source: String) -> String {
        let targets = summaries.first?.targets.map(\.target) ?? []
        var out = ReportHeader.render(title: "pilotsim sweep — \(scenario)", [
            ("scenario", source),
            ("runs", "\(NumberStyle.grouped(Double(runs))) a point, \(sweep.points.count) points   seed \(seed)"),
            ("generator", Generators.description),
        ]) + ["", "P(met) in % (95% interval) at each point"]
        var table = TextTable([("point", .right)] + sweep.axes.map { ($0.path, .right) } + targets.map { ($0.id, .left) })
        for (i, summary) in summaries.enumerated() {
            table.append([String(i)] + sweep.points[i].map(formatNumber) + summary.targets.map { t in
                "\(NumberStyle.fixed(t.probability * 100, 1)) (\(NumberStyle.fixed(t.interval.lowerBound * 100, 1))–\(NumberStyle.fixed(t.interval.upperBound * 100, 1)))"
            })
        }
        out.append(table.render())
        out.append("")
        let worst = summaries.flatMap(\.targets).map { ($0.interval.upperBound - $0.interval.lowerBound) / 2 }.max() ?? 0
        out.append("Monte Carlo error: each P(met) ± \(NumberStyle.fixed(worst * 100, 1)) points at most (95% Wilson half-width). "
                   + "All points share seed and run indices, so differences between points carry much less noise than that.")
        return out.joined(separator: "\n") + "\n"
    }
}
