import Foundation
import PilotModel
import Simulator

/// What `pilotsim solve` prints.
public enum SolveReport {
    public static func table(_ solver: Solver, _ outcome: Solver.Outcome, runsSpent: Int, runs: Int, seed: UInt64, source: String,
                             labels: Labels = .english, figures: String? = nil) -> String {
        let words = labels.decision, numbers = labels.numbers
        let target = try? solver.document.scenario(overrides: solver.overrides).targets[solver.targetIndex]
        var out = ReportHeader.render(title: words.solveTitle, [
            (labels.scenario, source),
        ] + ReportHeader.figuresRow(figures, labels) + [
            (words.solveTarget, target.map { "\(labels.text($0.label)) (\($0.id)), P(met) ≥ \(numbers.percent(solver.probability))" } ?? ""),
            (words.solveVary, "\(solver.path) in [\(formatNumber(solver.range.lowerBound)), \(formatNumber(solver.range.upperBound))]"),
            (labels.runs, "\(NumberStyle.grouped(Double(runs)))   \(labels.seed) \(seed)"),
        ])
        out.append("")
        switch outcome {
        case .solved(let value, let interval, let p):
            out.append("  \(words.solved): \(formatDerivedNumber(value))   (\(labels.probability) \(numbers.percent(p)))")
            out.append("  \(words.solvedInterval): \(formatDerivedNumber(interval.lowerBound)) … \(formatDerivedNumber(interval.upperBound))")
        case .unreachable(let low, let high):
            out.append("  " + words.unreachable(low: formatNumber(solver.range.lowerBound), high: formatNumber(solver.range.upperBound),
                                               pLow: numbers.percent(low), pHigh: numbers.percent(high), goal: numbers.percent(solver.probability)))
        case .alreadyMet(let bound, let p):
            out.append("  " + words.alreadyMet(bound: formatDerivedNumber(bound), p: numbers.percent(p), low: bound == solver.range.lowerBound))
        case .nonMonotone(let value, let p, let earlier, let pEarlier):
            out.append("  " + words.nonMonotone(at: formatDerivedNumber(value), p: numbers.percent(p), before: formatDerivedNumber(earlier), pBefore: numbers.percent(pEarlier)))
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
        var table = CSVTable(header: ["target_id", "path", "probability", "outcome", "value", "value_low", "value_high",
                                      "p_at_value", "p_at_low", "p_at_high", "runs_spent"])
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
