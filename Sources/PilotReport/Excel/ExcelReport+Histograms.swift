import PilotModel

extension ExcelReport {
    /// The histograms sheet: for each target the bins of the HTML report's histogram (same edges,
    /// log-spaced for amounts), the runs in each that meet the target and the others, a native
    /// stacked column chart of the two, and rows counting the runs beyond the bars (`< X`, `≥ X`).
    static func writeHistograms(_ targetValues: [[Double]], scenario: Scenario, into book: XLSXWorkbook, labels: Labels) throws {
        let words = labels.workbook
        try book.addSheet(words.histograms)
        var rows: [[XLSXWorkbook.Cell]] = [
            [
                .text(words.binLabel), .text(words.binFrom), .text(words.binTo),
                .text(labels.runsMeeting), .text(labels.otherRuns),
            ]
        ]
        var blocks: [(target: Target, first: Int, last: Int)] = []
        for (target, values) in zip(scenario.targets, targetValues) where !values.isEmpty {
            let histogram = Histogram(target: target, values: values, labels: labels)
            rows.append([.text("\(labels.text(target.label)) (\(target.id))")])
            let first = rows.count + 1
            rows += histogram.bins.map { bin in
                let met = bin.low >= histogram.edge - 1e-9 * abs(histogram.edge)
                // A bin of one whole number (milestones) is named by that number, others by their lower edge.
                let name = bin.high - bin.low == 1 && (bin.low + 0.5).rounded() == bin.low + 0.5 ? bin.low + 0.5 : bin.low
                return [
                    .text(labels.numbers.tick(name, of: target.metric)), .number(bin.low), .number(bin.high),
                    .number(met ? Double(bin.count) : 0), .number(met ? 0 : Double(bin.count)),
                ]
            }
            blocks.append((target, first, rows.count))
            // The runs beyond the bars, outside the chart: below the first bin (they miss the target)
            // and at or above the last (they meet it).
            if histogram.below.runs > 0 {
                rows.append([
                    .text("< " + labels.numbers.tick(histogram.below.edge, of: target.metric)), .empty, .number(histogram.below.edge),
                    .number(0), .number(Double(histogram.below.runs)),
                ])
            }
            if histogram.above.runs > 0 {
                rows.append([
                    .text("≥ " + labels.numbers.tick(histogram.above.edge, of: target.metric)), .number(histogram.above.edge), .empty,
                    .number(Double(histogram.above.runs)), .number(0),
                ])
            }
            rows.append([])
        }
        book.write(rows, to: words.histograms)
        for (k, block) in blocks.enumerated() {
            let series = XLSXWorkbook.series([(labels.runsMeeting, "D"), (labels.otherRuns, "E")], sheet: words.histograms, rows: block.first...block.last)
            try book.insertChart(
                .histogram, title: labels.text(block.target.label), xAxis: labels.metric(block.target.metric),
                yAxis: labels.runs, series: series, into: words.histograms, row: 1 + 18 * k, column: 6)
        }
    }
}
