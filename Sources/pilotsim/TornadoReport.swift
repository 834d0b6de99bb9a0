import Foundation
import PilotModel
import PilotReport
import Simulator

/// The tornado's terminal table and CSV.
enum TornadoReport {
    static func csv(_ scenario: Scenario, _ bars: [[Tornado.Bar]]) -> String {
        var table = CSVTable(header: ["target_id", "parameter", "low_value", "high_value", "p_met_low", "p_met_high", "swing"])
        for (target, row) in zip(scenario.targets, bars) {
            for bar in row {
                table.append([target.id, bar.parameter, CSVTable.number(bar.lowValue), CSVTable.number(bar.highValue),
                              CSVTable.number(bar.lowProbability), CSVTable.number(bar.highProbability), CSVTable.number(bar.swing)])
            }
        }
        return table.text
    }

    static func table(_ tornado: Tornado, baseline: SimulationSummary, bars: [[Tornado.Bar]], top: Int, runs: Int,
                      seed: UInt64, source: String) -> String {
        let s = tornado.scenario
        var out = ReportHeader.render(title: "pilotsim tornado — \(s.name)", [
            ("scenario", source),
            ("runs", "\(NumberStyle.grouped(Double(runs))) a simulation, \(2 * tornado.parameters.count + 1) simulations   seed \(seed)"),
            ("pinned at", "P\(NumberStyle.fixed(tornado.low * 100, 0)) and P\(NumberStyle.fixed(tornado.high * 100, 0)) of each of \(tornado.parameters.count) uncertain parameters"),
        ]) + [""]
        for (target, row) in zip(baseline.targets, bars) {
            out.append("\(target.target.label) (\(target.target.id)): P(met) \(NumberStyle(.english).percent(target.probability)) with nothing pinned")
            var table = TextTable([("parameter", .left), ("at low", .right), ("P(met)", .right), ("at high", .right),
                                   ("P(met)", .right), ("swing", .right)])
            for bar in row.prefix(top) {
                table.append([bar.parameter, String(format: "%.4g", bar.lowValue), NumberStyle(.english).percent(bar.lowProbability),
                              String(format: "%.4g", bar.highValue), NumberStyle(.english).percent(bar.highProbability),
                              "\(NumberStyle.fixed(bar.swing * 100, 1)) ± \(NumberStyle.fixed(1.96 * bar.swingStandardError * 100, 1))"])
            }
            out.append(table.render())
            out.append("")
        }
        out.append("Monte Carlo error: swings are differences of P(met) in points, ± a 95% interval from the paired runs "
                   + "(the same run indices with the parameter low and high).")
        return out.joined(separator: "\n") + "\n"
    }
}
