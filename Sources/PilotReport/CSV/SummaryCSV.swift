import PilotModel
import Simulator

/// summary.csv: one row per target (docs/model.md §5).
public enum SummaryCSV {
    public static let header = [
        "target_id", "label", "metric", "deadline", "base", "threshold", "p_met", "ci_low", "ci_high",
        "median", "p05", "p95", "median_first_month", "never_share", "verdict",
    ]

    public static func rows(_ summary: SimulationSummary) -> [[String]] {
        summary.targets.map { t in
            [
                t.target.id, t.target.label.neutral, t.target.metric.description, t.target.deadline.description,
                t.target.base?.description ?? "", formatNumber(t.target.threshold),
                formatNumber(t.probability), formatNumber(t.interval.lowerBound), formatNumber(t.interval.upperBound),
                formatNumber(t.median), formatNumber(t.p05), formatNumber(t.p95),
                t.medianFirstMonth?.description ?? "", formatNumber(t.neverShare), t.verdict.rawValue,
            ]
        }
    }

    public static func render(_ summary: SimulationSummary) -> String {
        var table = CSVTable(header: header)
        rows(summary).forEach { table.append($0) }
        return table.text
    }
}
