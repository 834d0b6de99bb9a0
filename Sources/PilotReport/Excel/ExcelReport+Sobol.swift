import Foundation
import PilotModel
import Simulator

extension ExcelReport {
    /// The workbook of a Sobol analysis: for each target every input's first-order and total
    /// index with their 95% bootstrap intervals, largest total first, a native bar chart of the
    /// two indices of its `top` most influential inputs, and the provenance.
    public static func sobol(
        _ analysis: GlobalSensitivity, _ estimate: SobolAnalysis.Estimate, top: Int, provenance: Provenance,
        labels: Labels
    ) throws -> Data {
        let words = labels.workbook, scenario = analysis.scenario
        return try XLSXWorkbook.bytes { book in
            try book.addSheet(words.sobol)
            try book.addSheet(words.about)
            typealias Cell = XLSXWorkbook.Cell
            var rows: [[Cell]] = [
                [
                    .text(labels.analysis.input), .text(words.keyPath), .text(words.firstOrder), .text(words.ciLow), .text(words.ciHigh),
                    .text(words.totalIndex), .text(words.ciLow), .text(words.ciHigh),
                ]
            ]
            var blocks: [(target: Target, first: Int, last: Int)] = []
            for (target, indices) in zip(scenario.targets, estimate.indices) {
                rows.append([.text("\(labels.text(target.label)) (\(target.id))")])
                guard !indices.isEmpty else {
                    rows.append([.text(labels.analysis.noVariation)])
                    continue
                }
                let first = rows.count + 1
                for k in indices.indices.sorted(by: { indices[$0].total > indices[$1].total }) {
                    let i = indices[k], key = Labels.english.analysis.inputName(analysis.inputs[k], of: scenario)
                    let name: String
                    if case .parameter = analysis.inputs[k] {
                        name = ParameterCatalogue.label(key, scenario: scenario, labels)
                    } else {
                        name = labels.analysis.inputName(analysis.inputs[k], of: scenario)
                    }
                    rows.append(
                        [.text(name), .text(key)]
                            + [
                                i.firstOrder, i.firstOrderInterval.lowerBound, i.firstOrderInterval.upperBound,
                                i.total, i.totalInterval.lowerBound, i.totalInterval.upperBound,
                            ].map { .index($0) })
                }
                blocks.append((target, first, first + min(top, indices.count) - 1))
            }
            book.write(rows, to: words.sobol)
            for (k, block) in blocks.enumerated() {
                let series = XLSXWorkbook.series([(words.firstOrder, "C"), (words.totalIndex, "F")], sheet: words.sobol, rows: block.first...block.last)
                try book.insertChart(
                    .bar, title: labels.text(block.target.label), xAxis: words.index, yAxis: labels.analysis.input,
                    series: series, axis: .indices, into: words.sobol, row: 1 + 18 * k, column: 9)
            }
            writeProvenance(provenance, into: book, labels: labels)
        }
    }
}
