import PilotModel
import Simulator

/// The sweep's terminal table and long CSV.
public enum SweepReport {
    /// One target at one point of a sweep: a row of the long CSV.
    public struct Row: Sendable, Codable, Equatable {
        public let point: Int
        public let targetID: String
        public let probability: Double, low: Double, high: Double, median: Double, p05: Double, p95: Double

        public init(point: Int, targetID: String, probability: Double, low: Double, high: Double, median: Double, p05: Double, p95: Double) {
            (self.point, self.targetID) = (point, targetID)
            (self.probability, self.low, self.high, self.median, self.p05, self.p95) = (probability, low, high, median, p05, p95)
        }
    }

    /// The rows of `summaries`, the points from `firstPoint` on, target by target.
    public static func rows(_ summaries: [SimulationSummary], firstPoint: Int = 0) -> [Row] {
        summaries.enumerated().flatMap { k, summary in
            summary.targets.map { t in
                Row(
                    point: firstPoint + k, targetID: t.target.id, probability: t.probability, low: t.interval.lowerBound,
                    high: t.interval.upperBound, median: t.median, p05: t.p05, p95: t.p95)
            }
        }
    }

    /// The long CSV of every point.
    public static func csv(_ sweep: Sweep, _ summaries: [SimulationSummary]) -> String {
        csv(sweep, rows: rows(summaries))
    }

    /// The long CSV of `rows` (every point's, or those of merged shards).
    public static func csv(_ sweep: Sweep, rows: [Row]) -> String {
        var table = CSVTable(
            header: ["point"] + sweep.axes.map(\.path)
                + ["target_id", "p_met", "ci_low", "ci_high", "median", "p05", "p95"])
        for row in rows {
            table.append(
                [String(row.point)] + sweep.points[row.point].map(formatNumber) + [row.targetID]
                    + [row.probability, row.low, row.high, row.median, row.p05, row.p95].map(formatNumber))
        }
        return table.text
    }

    public static func table(
        _ sweep: Sweep, _ summaries: [SimulationSummary], runs: Int, seed: UInt64,
        source: String, labels: Labels = .english, figures: String? = nil
    ) -> String {
        let words = labels.analysis
        let targets = summaries.first?.targets.map(\.target) ?? []
        var out =
            ReportHeader.render(
                title: "\(words.sweepTitle) — \(labels.text(sweep.scenarios[0].name))",
                [
                    (labels.scenario, source)
                ] + ReportHeader.figuresRow(figures, labels) + [
                    (labels.runs, "\(words.sweepRuns(NumberStyle.grouped(Double(runs)), points: sweep.points.count))   \(labels.seed) \(seed)"),
                    (labels.generator, labels.generatorDescription),
                ]) + ["", words.sweepTableHeading]
        var table = TextTable([(words.point, .right)] + sweep.axes.map { ($0.path, .right) } + targets.map { ($0.id, .left) })
        for (i, summary) in summaries.enumerated() {
            table.append(
                [String(i)] + sweep.points[i].map(NumberStyle.parameter)
                    + summary.targets.map { t in
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
