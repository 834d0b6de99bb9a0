import PilotModel
import PilotReport
import Simulator

/// summary.csv: one row per target (MODEL.md §5).
enum SummaryCSV {
    static let header = ["target_id", "label", "metric", "deadline", "base", "threshold", "p_met", "ci_low", "ci_high",
                         "median", "p05", "p95", "median_first_month", "never_share", "verdict"]

    static func rows(_ summary: SimulationSummary) -> [[String]] {
        summary.targets.map { t in
            [t.target.id, t.target.label, t.target.metric.description, t.target.deadline.description,
             t.target.base?.description ?? "", CSVTable.number(t.target.threshold),
             CSVTable.number(t.probability), CSVTable.number(t.interval.lowerBound), CSVTable.number(t.interval.upperBound),
             CSVTable.number(t.median), CSVTable.number(t.p05), CSVTable.number(t.p95),
             t.medianFirstMonth?.description ?? "", CSVTable.number(t.neverShare), t.verdict.rawValue]
        }
    }

    static func render(_ summary: SimulationSummary) -> String {
        var table = CSVTable(header: header)
        rows(summary).forEach { table.append($0) }
        return table.text
    }
}

/// monthly.csv: the distribution of every metric at the end of every month.
enum MonthlyCSV {
    static let header = ["month", "stage", "metric", "mean", "sd", "p05", "p10", "p25", "p50", "p75", "p90", "p95"]

    static func render(_ rows: [MonthlyQuantiles]) -> String {
        var table = CSVTable(header: header)
        for row in rows {
            table.append([row.month.description, row.stage, row.metric.description, CSVTable.number(row.mean),
                          CSVTable.number(row.sd)] + row.quantiles.map(CSVTable.number))
        }
        return table.text
    }
}

/// runs.csv: one row per run — its drawn parameters and each target's deciding value.
enum RunsCSV {
    static func render(_ result: SimulationResult) -> String {
        let s = result.scenario, width = result.uncertainParameters.count
        var table = CSVTable(header: ["run"] + result.uncertainParameters.map { "param:\(s.parameters[$0].keyPath)" }
                                 + s.targets.map { "value:\($0.id)" })
        for run in 0..<result.runs {
            let parameters = result.parameterValues[(run * width)..<((run + 1) * width)]
            table.append([String(run)] + parameters.map(CSVTable.number) + result.targetValues.map { CSVTable.number($0[run]) })
        }
        return table.text
    }
}
