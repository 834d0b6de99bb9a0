import Foundation
import PilotModel
import Simulator

/// What `pilotsim compare` prints and writes.
public enum CompareReport {
    /// - Parameter figures: what the comparison says about reported figures (conditioned on them,
    ///   none, or ignored); no line when nil.
    public static func table(
        _ comparison: Comparison, a: String, b: String, runs: Int, seed: UInt64, labels: Labels = .english,
        figures: String? = nil
    ) -> String {
        let words = labels.decision, numbers = labels.numbers
        var out = ReportHeader.render(
            title: words.compareTitle,
            [
                (words.scenarioA, a), (words.scenarioB, b),
            ] + ReportHeader.figuresRow(figures, labels) + [
                (labels.runs, "\(NumberStyle.grouped(Double(runs)))   \(labels.seed) \(seed)")
            ])
        out.append("")
        var table = TextTable([
            (labels.target, .left), (words.pA, .right), (words.pB, .right), (words.difference, .left),
            (words.onlyA, .right), (words.onlyB, .right), (words.medianDifference, .left),
        ])
        for t in comparison.matched {
            let m = t.target.metric
            table.append([
                labels.text(t.target.label), numbers.percent(t.pA), numbers.percent(t.pB),
                "\(signedPoints(t.difference)) (\(signedPoints(t.interval.lowerBound)) … \(signedPoints(t.interval.upperBound)))",
                numbers.percent(Double(t.onlyA) / Double(t.runs)), numbers.percent(Double(t.onlyB) / Double(t.runs)),
                "\(numbers.value(t.medianDifference, of: m)) (\(numbers.value(t.medianDifferenceInterval.lowerBound, of: m)) … \(numbers.value(t.medianDifferenceInterval.upperBound, of: m)))",
            ])
        }
        out.append(table.render())
        for (heading, targets) in [(words.onlyInA, comparison.onlyInA), (words.onlyInB, comparison.onlyInB)] where !targets.isEmpty {
            out.append("")
            out.append("\(heading): " + targets.map { "\(labels.text($0.label)) (\($0.id))" }.joined(separator: ", "))
        }
        out.append("")
        out.append(words.compareReading)
        return out.joined(separator: "\n") + "\n"
    }

    /// A difference of shares in percentage points with its sign: `+4.2`, `−0.3`, `0.0`.
    static func signedPoints(_ x: Double) -> String {
        let text = NumberStyle.fixed(abs(x) * 100, 1)
        return x > 0 && text != "0.0" ? "+" + text : x < 0 && text != "0.0" ? "−" + text : text
    }

    public static let csvHeader = [
        "target_id", "p_a", "p_b", "diff", "diff_low", "diff_high", "only_a", "only_b",
        "median_diff", "median_diff_low", "median_diff_high",
    ]

    public static func csv(_ comparison: Comparison) -> String {
        var table = CSVTable(header: csvHeader)
        for t in comparison.matched {
            table.append(
                [t.target.id]
                    + [
                        t.pA, t.pB, t.difference, t.interval.lowerBound, t.interval.upperBound,
                        Double(t.onlyA) / Double(t.runs), Double(t.onlyB) / Double(t.runs),
                        t.medianDifference, t.medianDifferenceInterval.lowerBound, t.medianDifferenceInterval.upperBound,
                    ].map(formatNumber))
        }
        // A target only one scenario has: its id, and no comparison.
        for t in comparison.onlyInA + comparison.onlyInB { table.append([t.id] + Array(repeating: "", count: csvHeader.count - 1)) }
        return table.text
    }

    /// - Parameter observed: the reported figures both plans ran conditioned on (their file, or
    ///   `observed:`, and the SHA-256 of their text); nil for the plan-time view.
    public static func json(
        _ comparison: Comparison, a: String, b: String, runs: Int, seed: UInt64,
        observed: (source: String, sha256: String)? = nil, provenance: Provenance? = nil
    ) throws -> String {
        struct Row: Encodable {
            let target_id: String
            let p_a, p_b, diff, diff_low, diff_high, only_a, only_b, median_diff, median_diff_low, median_diff_high: Double
        }
        struct Document: Encodable {
            let provenance: Provenance?
            let a: String, b: String, runs: Int, seed: UInt64
            let observed: String?, observed_sha256: String?
            let targets: [Row]
            let only_in_a: [String], only_in_b: [String]
        }
        let rows = comparison.matched.map { t in
            Row(
                target_id: t.target.id, p_a: t.pA, p_b: t.pB, diff: t.difference, diff_low: t.interval.lowerBound, diff_high: t.interval.upperBound,
                only_a: Double(t.onlyA) / Double(t.runs), only_b: Double(t.onlyB) / Double(t.runs), median_diff: t.medianDifference,
                median_diff_low: t.medianDifferenceInterval.lowerBound, median_diff_high: t.medianDifferenceInterval.upperBound)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(
            decoding: try encoder.encode(
                Document(
                    provenance: provenance, a: a, b: b, runs: runs, seed: seed, observed: observed?.source, observed_sha256: observed?.sha256, targets: rows,
                    only_in_a: comparison.onlyInA.map(\.id), only_in_b: comparison.onlyInB.map(\.id))),
            as: UTF8.self) + "\n"
    }
}
