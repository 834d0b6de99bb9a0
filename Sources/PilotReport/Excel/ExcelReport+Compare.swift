import Foundation
import PilotModel
import Simulator

extension ExcelReport {
    /// The workbook of a comparison: per target P(met) under A and B, the paired difference with
    /// its 95% interval, the share of runs only one plan meets and the median difference of the
    /// value; a native column chart of the two P(met); the plans' names and the provenance.
    public static func comparison(_ comparison: Comparison, a: String, b: String, provenance: Provenance, labels: Labels) throws -> Data {
        let words = labels.workbook, decision = labels.decision
        return try XLSXWorkbook.bytes { book in
            try book.addSheet(words.comparison)
            try book.addSheet(words.about)
            typealias Cell = XLSXWorkbook.Cell
            var rows: [[Cell]] = [
                [
                    .text(labels.target), .text("id"), .text(decision.pA), .text(decision.pB), .text(words.differenceBA),
                    .text(words.ciLow), .text(words.ciHigh), .text(decision.onlyA), .text(decision.onlyB),
                    .text(words.medianDifference), .text(words.ciLow), .text(words.ciHigh),
                ]
            ]
            rows += comparison.matched.map { t -> [Cell] in
                [
                    .text(labels.text(t.target.label)), .text(t.target.id), .share(t.pA), .share(t.pB), .share(t.difference),
                    .share(t.interval.lowerBound), .share(t.interval.upperBound),
                    .share(Double(t.onlyA) / Double(t.runs)), .share(Double(t.onlyB) / Double(t.runs)),
                    .number(t.medianDifference), .number(t.medianDifferenceInterval.lowerBound), .number(t.medianDifferenceInterval.upperBound),
                ]
            }
            let last = rows.count
            for (heading, targets) in [(decision.onlyInA, comparison.onlyInA), (decision.onlyInB, comparison.onlyInB)] where !targets.isEmpty {
                rows.append([.text(heading)] + targets.map { .text("\(labels.text($0.label)) (\($0.id))") })
            }
            rows += [[], [.text(decision.scenarioA), .text(a)], [.text(decision.scenarioB), .text(b)]]
            book.write(rows, to: words.comparison)
            if last > 1 {
                let series = XLSXWorkbook.series([(decision.pA, "C"), (decision.pB, "D")], sheet: words.comparison, rows: 2...last)
                try book.insertChart(
                    .bar, title: labels.probability, xAxis: labels.probability, yAxis: labels.target,
                    series: series, axis: .shares, scale: 1.6, into: words.comparison, row: rows.count + 2, column: 0)
            }
            writeProvenance(provenance, into: book, labels: labels)
        }
    }
}
