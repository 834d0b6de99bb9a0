import Foundation
import PilotModel
import Simulator

/// The Excel workbook of a result (`--xlsx FILE`): sheets of the targets, the monthly quantiles,
/// the stage table and the assumptions, native Excel charts — a fan chart of each headline metric
/// as P5–median and median–P95 bands, and each target's P(met) as bars — and the result's provenance,
/// all in the reader's language. Numbers are numbers (shares formatted as percentages), so that
/// the charts and any formula of the reader's own work on them.
public enum ExcelReport {
    /// The workbook's bytes; with `targetValues` (each target's value in every run) a sheet of
    /// histograms follows the charts.
    public static func data(
        summary: SimulationSummary, monthly: [MonthlyQuantiles], scenario: Scenario, provenance: Provenance,
        labels: Labels, targetValues: [[Double]]? = nil
    ) throws -> Data {
        let words = labels.workbook
        return try XLSXWorkbook.bytes { book in
            for sheet in [words.targets, words.charts] { try book.addSheet(sheet) }
            if let targetValues { try writeHistograms(targetValues, scenario: scenario, into: book, labels: labels) }
            for sheet in [words.monthly, words.stages, words.assumptions, words.about] { try book.addSheet(sheet) }

            try writeTargets(summary, into: book, labels: labels)
            writeMonthly(monthly, into: book, labels: labels)
            writeStages(summary, into: book, labels: labels)
            writeAssumptions(scenario, into: book, labels: labels)
            writeProvenance(provenance, into: book, labels: labels)
            try writeFanCharts(monthly, scenario: scenario, into: book, labels: labels)
        }
    }

    /// The targets sheet: each target's P(met) with its interval, the value's median, P5 and P95,
    /// the verdict, and a bar chart of P(met).
    static func writeTargets(_ summary: SimulationSummary, into book: XLSXWorkbook, labels: Labels) throws {
        let words = labels.workbook
        typealias Cell = XLSXWorkbook.Cell
        let targetRows: [[Cell]] =
            [
                [
                    .text(labels.target), .text("id"), .text(labels.deadline), .text(labels.goal), .text(labels.probability),
                    .text(words.ciLow), .text(words.ciHigh), .text(words.median), .text(words.p05), .text(words.p95), .text(labels.verdict),
                ]
            ]
            + summary.targets.map { t in
                [
                    .text(labels.text(t.target.label)), .text(t.target.id), .text(t.target.deadline.description), .text(labels.goal(t.target)),
                    .share(t.probability), .share(t.interval.lowerBound), .share(t.interval.upperBound),
                    .number(t.median), .number(t.p05), .number(t.p95), .text(labels.verdict(t.verdict)),
                ]
            }
        book.write(targetRows, to: words.targets)
        let count = summary.targets.count + 1
        try book.insertChart(
            .bar, title: labels.probability, xAxis: labels.probability, yAxis: labels.target,
            series: XLSXWorkbook.series([(labels.probability, "E")], sheet: words.targets, rows: 2...count), axis: .shares,
            into: words.targets, row: count + 2, column: 0)
    }

    /// The monthly sheet: every metric's mean, sd and quantiles at the end of every month.
    static func writeMonthly(_ monthly: [MonthlyQuantiles], into book: XLSXWorkbook, labels: Labels) {
        let words = labels.workbook
        let quantileNames = ["P5", "P10", "P25", "P50", "P75", "P90", "P95"]
        book.write(
            [[.text(words.month), .text(labels.stage), .text(words.metric), .text(words.mean), .text(words.sd)] + quantileNames.map { .text($0) }]
                + monthly.map { row in
                    [.text(row.month.description), .text(labels.stage(row.stage)), .text(labels.metric(row.metric)), .number(row.mean), .number(row.sd)]
                        + row.quantiles.map { .number($0) }
                }, to: words.monthly)
    }

    /// The stages sheet: what each headline metric adds within each stage.
    static func writeStages(_ summary: SimulationSummary, into book: XLSXWorkbook, labels: Labels) {
        let words = labels.workbook
        book.write(
            [[.text(labels.stage), .text(words.metric), .text(words.mean), .text(words.median), .text(words.p05), .text(words.p95)]]
                + summary.stageIncrements.map { s in
                    [.text(labels.stage(s.stage)), .text(labels.metric(s.metric)), .number(s.mean), .number(s.median), .number(s.p05), .number(s.p95)]
                }, to: words.stages)
    }

    /// The assumptions sheet: every uncertain parameter's name, key path, distribution and P5–P95.
    static func writeAssumptions(_ scenario: Scenario, into book: XLSXWorkbook, labels: Labels) {
        let words = labels.workbook
        book.write(
            [[.text(labels.parameter), .text(words.keyPath), .text(labels.distribution), .text(words.p05), .text("P50"), .text(words.p95)]]
                + scenario.uncertainParameters.map { i in
                    let spec = scenario.parameters[i]
                    return [
                        .text(ParameterCatalogue.label(spec.keyPath, scenario: scenario, labels)), .text(spec.keyPath),
                        .text(spec.distributionText(labels)),
                    ]
                        + [0.05, 0.5, 0.95].map { .number(spec.quantile($0)) }
                }, to: words.assumptions)
    }

    /// The charts sheet: per month, P5, median and P95 of each headline metric, then the bands the
    /// fan charts stack on P5 (median − P5 and P95 − median), and a fan chart of each.
    static func writeFanCharts(_ monthly: [MonthlyQuantiles], scenario: Scenario, into book: XLSXWorkbook, labels: Labels) throws {
        let words = labels.workbook
        typealias Cell = XLSXWorkbook.Cell
        let metrics: [Metric] = [.wallets, .merchants, .amount]
        let months = scenario.calendar.monthCount
        let lowerBand = "\(words.p05)–\(words.median)", upperBand = "\(words.median)–\(words.p95)"
        var chartRows: [[Cell]] = [
            [.text(words.month)]
                + metrics.flatMap { m in [words.p05, words.median, words.p95].map { Cell.text("\(labels.metric(m)) \($0)") } }
                + metrics.flatMap { m in [lowerBand, upperBand].map { Cell.text("\(labels.metric(m)) \($0)") } }
        ]
        for t in 0..<months {
            let month = scenario.calendar.month(at: t)
            let rows = metrics.map { m in monthly.first(where: { $0.metric == m && $0.month == month }) }
            chartRows.append(
                [.text(month.description)]
                    + rows.flatMap { row -> [Cell] in
                        guard let q = row?.quantiles else { return [.empty, .empty, .empty] }
                        return [.number(q[0]), .number(q[3]), .number(q[6])]
                    }
                    + rows.flatMap { row -> [Cell] in
                        guard let q = row?.quantiles else { return [.empty, .empty] }
                        return [.number(q[3] - q[0]), .number(q[6] - q[3])]
                    })
        }
        book.write(chartRows, to: words.charts)
        let sheet = "'\(words.charts)'", last = months + 1
        func range(_ index: Int) -> String { "=\(sheet)!$\(column(index))$2:$\(column(index))$\(last)" }
        for (k, metric) in metrics.enumerated() {
            let bands = [(lowerBand, 1 + 3 * metrics.count + 2 * k), (upperBand, 2 + 3 * metrics.count + 2 * k)]
            let series =
                [XLSXWorkbook.Series(name: words.p05, categories: range(0), values: range(1 + 3 * k))]
                + bands.map { XLSXWorkbook.Series(name: $0.0, categories: range(0), values: range($0.1)) }
            try book.insertChart(
                .band, title: labels.metric(metric), xAxis: words.month, yAxis: labels.metric(metric), series: series,
                into: words.charts, row: 1 + 16 * k, column: 2 + 5 * metrics.count)
        }
    }

    /// Excel's name of column `index` (0 → A, 26 → AA).
    static func column(_ index: Int) -> String {
        let letter = String(UnicodeScalar(UInt8(65 + index % 26)))
        return index < 26 ? letter : column(index / 26 - 1) + letter
    }

    /// The provenance sheet.
    static func writeProvenance(_ provenance: Provenance, into book: XLSXWorkbook, labels: Labels) {
        let words = labels.workbook
        book.write(
            [
                [.text(words.item), .text(words.value)],
                [.text("pilotsim"), .text(provenance.pilotsimVersion)], [.text(labels.command), .text(provenance.commandLine)],
                [.text(labels.scenario), .text(provenance.scenario)], [.text("SHA-256"), .text(provenance.scenarioSHA256)],
                [.text("--set"), .text(provenance.overrides.joined(separator: " "))], [.text(labels.seed), .text(String(provenance.seed))],
                [.text(labels.condition.observationsFile), .text(provenance.observed.map { "\($0) (SHA-256 \(provenance.observedSHA256 ?? ""))" } ?? "—")],
            ],
            to: words.about)
    }
}
