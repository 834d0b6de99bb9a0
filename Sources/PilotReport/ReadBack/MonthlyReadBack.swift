import PilotModel
import Simulator

extension SummaryReadBack {
    /// monthly.csv read back: every month of the calendar × every metric of the scenario, month
    /// by month in the order a simulation writes them, quantiles in order.
    public func monthly(_ text: String, file: String) throws -> [MonthlyQuantiles] {
        let metrics = scenario.metrics, calendar = scenario.calendar
        let rows = try ReadBackRows(text, file: file, header: MonthlyCSV.header, count: calendar.monthCount * metrics.count, what: "rows")
        return try rows.records.enumerated().map { k, record in
            let month = calendar.month(at: k / metrics.count), metric = metrics[k % metrics.count]
            let stage = calendar.stages[calendar.stageIndexOfMonth[k / metrics.count]].id
            guard record.fields[0] == month.description, record.fields[1] == stage, record.fields[2] == metric.description else {
                throw ResultFileError(file, line: record.line, "\(record.fields[0]) \(record.fields[2]); expected \(month) \(metric) of the scenario")
            }
            let n = try rows.numbers(record, columns: Array(3..<MonthlyCSV.header.count))
            let quantiles = Array(n.dropFirst(2))
            guard n[1] >= 0, zip(quantiles, quantiles.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw ResultFileError(file, line: record.line, "a negative sd or quantiles out of order")
            }
            return MonthlyQuantiles(month: month, stage: stage, metric: metric, mean: n[0], sd: n[1], quantiles: quantiles)
        }
    }
}
