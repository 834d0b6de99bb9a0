import PilotModel
import Simulator

/// monthly.csv: the distribution of every metric at the end of every month.
public enum MonthlyCSV {
    public static let header = ["month", "stage", "metric", "mean", "sd", "p05", "p10", "p25", "p50", "p75", "p90", "p95"]

    public static func render(_ rows: [MonthlyQuantiles]) -> String {
        var table = CSVTable(header: header)
        for row in rows {
            table.append(
                [
                    row.month.description, row.stage, row.metric.description, formatNumber(row.mean),
                    formatNumber(row.sd),
                ] + row.quantiles.map(formatNumber))
        }
        return table.text
    }
}
