import Foundation
import PilotModel
import Simulator

extension ExcelReport {
    /// The workbook of a tornado: for each target its most influential parameters (at most
    /// `top`), P(met) with each pinned low and high, the swing and its 95% half-width, and a native
    /// bar chart of the two P(met) per parameter; the provenance on its own sheet.
    public static func tornado(_ bars: [[Tornado.Bar]], scenario: Scenario, top: Int, provenance: Provenance, labels: Labels) throws -> Data {
        let words = labels.workbook
        return try XLSXWorkbook.bytes { book in
            try book.addSheet(words.tornado)
            try book.addSheet(words.about)
            typealias Cell = XLSXWorkbook.Cell
            var rows: [[Cell]] = [
                [
                    .text(labels.parameter), .text(words.keyPath), .text(words.pinnedLow), .text(words.pinnedHigh),
                    .text(words.swing), .text(words.swingHalfWidth),
                ]
            ]
            var blocks: [(target: Target, first: Int, last: Int)] = []
            for (j, target) in scenario.targets.enumerated() where j < bars.count {
                let shown = bars[j].filter { $0.swing > 0 }.prefix(top)
                guard !shown.isEmpty else { continue }
                rows.append([.text("\(labels.text(target.label)) (\(target.id))")])
                let first = rows.count + 1
                rows += shown.map { bar -> [Cell] in
                    [
                        .text(ParameterCatalogue.label(bar.parameter, scenario: scenario, labels)), .text(bar.parameter),
                        .share(bar.lowProbability), .share(bar.highProbability), .share(bar.swing), .share(Statistics.z95 * bar.swingStandardError),
                    ]
                }
                blocks.append((target, first, rows.count))
            }
            book.write(rows, to: words.tornado)
            for (k, block) in blocks.enumerated() {
                let series = XLSXWorkbook.series([(words.pinnedLow, "C"), (words.pinnedHigh, "D")], sheet: words.tornado, rows: block.first...block.last)
                try book.insertChart(
                    .bar, title: labels.text(block.target.label), xAxis: labels.probability, yAxis: labels.parameter,
                    series: series, axis: .shares, into: words.tornado, row: 1 + 18 * k, column: 7)
            }
            writeProvenance(provenance, into: book, labels: labels)
        }
    }
}
