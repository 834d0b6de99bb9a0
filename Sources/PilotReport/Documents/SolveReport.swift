import Foundation
import PilotModel
import Simulator

/// What `pilotsim solve` prints.
public enum SolveReport {
    public static func table(
        _ solver: Solver, _ outcome: Solver.Outcome, runsSpent: Int, runs: Int, seed: UInt64, source: String,
        labels: Labels = .english, figures: String? = nil
    ) -> String {
        let words = labels.decision, numbers = labels.numbers
        let target = try? solver.document.scenario(overrides: solver.overrides).targets[solver.targetIndex]
        // A target's threshold reads like the target (120,000; ¥200.0M; 12万); any other number in
        // four significant digits with grouped thousands.
        let varied = try? solver.document.scenario(overrides: solver.overrides).targets.first { solver.path.hasPrefix("targets.\($0.id).") }
        func text(_ x: Double) -> String { varied.map { numbers.value(x, of: $0.metric) } ?? NumberStyle.parameter(x) }
        var out = ReportHeader.render(
            title: words.solveTitle,
            [
                (labels.scenario, source)
            ] + ReportHeader.figuresRow(figures, labels) + [
                (words.solveTarget, target.map { "\(labels.text($0.label)) (\($0.id)), \(labels.probability) ≥ \(numbers.percent(solver.probability))" } ?? ""),
                (words.solveVary, words.solveRange(solver.path, text(solver.range.lowerBound), text(solver.range.upperBound))),
                (labels.runs, "\(NumberStyle.grouped(Double(runs)))   \(labels.seed) \(seed)"),
            ])
        out.append("")
        switch outcome {
        case .solved(let value, let interval, let p):
            out.append("  \(words.solved): \(text(value))   (\(labels.probability) \(numbers.percent(p)))")
            out.append("  \(words.solvedInterval): \(text(interval.lowerBound)) … \(text(interval.upperBound))")
        case .unreachable(let low, let high):
            out.append(
                "  "
                    + words.unreachable(
                        low: text(solver.range.lowerBound), high: text(solver.range.upperBound),
                        pLow: numbers.percent(low), pHigh: numbers.percent(high), goal: numbers.percent(solver.probability)))
        case .alreadyMet(let bound, let p):
            out.append("  " + words.alreadyMet(bound: text(bound), p: numbers.percent(p), low: bound == solver.range.lowerBound))
        case .nonMonotone(let value, let p, let earlier, let pEarlier):
            out.append("  " + words.nonMonotone(at: text(value), p: numbers.percent(p), before: text(earlier), pBefore: numbers.percent(pEarlier)))
        }
        out.append("  \(words.runsSpent): \(NumberStyle.grouped(Double(runsSpent)))")
        out.append("")
        out.append(words.solveReading)
        return out.joined(separator: "\n") + "\n"
    }

    /// `target_id,path,probability,outcome,value,value_low,value_high,p_at_value,p_at_low,p_at_high,runs_spent`; the value
    /// columns are empty when there is no single answer, and the P(met) at the range's ends filled
    /// when it is not reachable; `at_low` / `at_high` give the bound as the value and P(met) there.
    public static func csv(_ solver: Solver, _ outcome: Solver.Outcome, targetID: String, runsSpent: Int) -> String {
        var table = CSVTable(header: [
            "target_id", "path", "probability", "outcome", "value", "value_low", "value_high",
            "p_at_value", "p_at_low", "p_at_high", "runs_spent",
        ])
        let fields: [String]
        switch outcome {
        case .solved(let value, let interval, let p):
            fields = ["solved"] + [value, interval.lowerBound, interval.upperBound, p].map(formatNumber) + ["", ""]
        case .unreachable(let low, let high):
            fields = ["not_reachable", "", "", "", "", formatNumber(low), formatNumber(high)]
        case .alreadyMet(let bound, let p):
            let atLow = bound == solver.range.lowerBound
            fields = [atLow ? "at_low" : "at_high", formatNumber(bound), "", "", "", atLow ? formatNumber(p) : "", atLow ? "" : formatNumber(p)]
        case .nonMonotone:
            fields = ["non_monotone", "", "", "", "", "", ""]
        }
        table.append([targetID, solver.path, formatNumber(solver.probability)] + fields + [String(runsSpent)])
        return table.text
    }
}
