import Foundation
import PilotModel
import Simulator

extension ExcelReport {
    /// The workbook of a sweep: the long table (each point's axis values, and per target P(met)
    /// with its 95% interval and the value's median, P5 and P95), a wide table of P(met) by point
    /// (targets by id) with a native line chart beneath of every target's P(met) across the
    /// points, and the provenance.
    public static func sweep(_ sweep: Sweep, rows: [SweepReport.Row], provenance: Provenance, labels: Labels) throws -> Data {
        let words = labels.workbook, scenario = sweep.base
        return try XLSXWorkbook.bytes { book in
            for sheet in [words.sweep, words.charts, words.about] { try book.addSheet(sheet) }
            typealias Cell = XLSXWorkbook.Cell
            let axisNames = sweep.axes.map { ParameterCatalogue.label($0.path, scenario: scenario, labels) }
            let targetNames = Dictionary(scenario.targets.map { ($0.id, labels.text($0.label)) }, uniquingKeysWith: { a, _ in a })
            book.write(
                [
                    [.text(words.point)] + axisNames.map { .text($0) }
                        + [
                            .text(labels.target), .text("id"), .text(labels.probability), .text(words.ciLow), .text(words.ciHigh),
                            .text(words.median), .text(words.p05), .text(words.p95),
                        ]
                ]
                    + rows.map { row in
                        [.number(Double(row.point))] + sweep.points[row.point].map { .number($0) }
                            + [
                                .text(targetNames[row.targetID] ?? row.targetID), .text(row.targetID), .share(row.probability), .share(row.low),
                                .share(row.high), .number(row.median), .number(row.p05), .number(row.p95),
                            ]
                    }, to: words.sweep)

            // P(met) by point (rows) and target (columns), for the chart.
            let targets = scenario.targets.filter { id in rows.contains { $0.targetID == id.id } }
            var probability: [Int: [String: Double]] = [:]
            for row in rows { probability[row.point, default: [:]][row.targetID] = row.probability }
            book.write(
                [[.text(axisNames.joined(separator: " · "))] + targets.map { .text($0.id) }]
                    + sweep.points.indices.map { i in
                        [.text(sweep.points[i].map(NumberStyle.parameter).joined(separator: " · "))]
                            + targets.map { t in probability[i]?[t.id].map { Cell.share($0) } ?? .empty }
                    }, to: words.charts)
            let series = XLSXWorkbook.series(
                targets.indices.map { (labels.text(targets[$0].label), column($0 + 1)) }, sheet: words.charts, rows: 2...sweep.points.count + 1)
            if !series.isEmpty {
                try book.insertChart(
                    .line, title: labels.probability, xAxis: axisNames.joined(separator: " · "), yAxis: labels.probability,
                    series: series, axis: .shares, scale: 1.6, into: words.charts, row: sweep.points.count + 3, column: 0)
            }
            writeProvenance(provenance, into: book, labels: labels)
        }
    }
}
