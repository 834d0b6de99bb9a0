import Foundation
import PilotModel
import Simulator

/// The tornado's terminal table and CSV.
public enum TornadoReport {
    public static func csv(_ scenario: Scenario, _ bars: [[Tornado.Bar]]) -> String {
        var table = CSVTable(header: ["target_id", "parameter", "low_value", "high_value", "p_met_low", "p_met_high", "swing"])
        for (target, row) in zip(scenario.targets, bars) {
            for bar in row {
                table.append([
                    target.id, bar.parameter, formatNumber(bar.lowValue), formatNumber(bar.highValue),
                    formatNumber(bar.lowProbability), formatNumber(bar.highProbability), formatNumber(bar.swing),
                ])
            }
        }
        return table.text
    }

    public static func table(
        _ tornado: Tornado, baseline: SimulationSummary, bars: [[Tornado.Bar]], top: Int, runs: Int,
        seed: UInt64, source: String, labels: Labels = .english, figures: String? = nil
    ) -> String {
        let s = tornado.scenario, words = labels.analysis, numbers = labels.numbers
        var out =
            ReportHeader.render(
                title: "\(words.tornadoTitle) — \(labels.text(s.name))",
                [
                    (labels.scenario, source)
                ] + ReportHeader.figuresRow(figures, labels) + [
                    (
                        labels.runs,
                        "\(words.tornadoRuns(NumberStyle.grouped(Double(runs)), simulations: 2 * tornado.parameters.count + 1))   \(labels.seed) \(seed)"
                    ),
                    (
                        words.pinnedAt,
                        words.pinned(
                            low: NumberStyle.fixed(tornado.low * 100, 0), high: NumberStyle.fixed(tornado.high * 100, 0),
                            parameters: tornado.parameters.count)
                    ),
                ]) + [""]
        for (target, row) in zip(baseline.targets, bars) {
            out.append(words.tornadoTarget(labels.text(target.target.label), id: target.target.id, probability: numbers.percent(target.probability)))
            var table = TextTable([
                (words.parameter, .left), (words.atLow, .right), (labels.probability, .right), (words.atHigh, .right),
                (labels.probability, .right), (words.swing, .right),
            ])
            for bar in row.prefix(top) {
                table.appendParameter(
                    bar.parameter, scenario: s, labels: labels,
                    cells: [
                        NumberStyle.parameter(bar.lowValue), numbers.percent(bar.lowProbability),
                        NumberStyle.parameter(bar.highValue), numbers.percent(bar.highProbability),
                        "\(NumberStyle.fixed(bar.swing * 100, 1)) ± \(NumberStyle.fixed(Statistics.z95 * bar.swingStandardError * 100, 1))",
                    ])
            }
            out.append(table.render())
            out.append("")
        }
        if !tornado.fixedByFigures.isEmpty {
            out.append(words.fixedByFigures(tornado.fixedByFigures.joined(separator: ", ")))
        }
        out.append(words.tornadoError)
        return out.joined(separator: "\n") + "\n"
    }
}
