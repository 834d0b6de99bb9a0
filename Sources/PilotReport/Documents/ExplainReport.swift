import PilotModel
import Simulator

/// What `pilotsim explain` prints and writes.
public enum ExplainReport {
    public static func table(
        _ filterings: [MonteCarloFiltering], scenario: Scenario, top: Int, runs: Int, seed: UInt64, source: String, labels: Labels = .english,
        figures: String? = nil
    ) -> String {
        let words = labels.decision
        var out = ReportHeader.render(
            title: words.explainTitle,
            [
                (labels.scenario, source)
            ] + ReportHeader.figuresRow(figures, labels) + [
                (labels.runs, "\(NumberStyle.grouped(Double(runs)))   \(labels.seed) \(seed)")
            ])
        for filtering in filterings {
            out.append("")
            out.append(
                "\(labels.text(filtering.target.label)) (\(filtering.target.id)): "
                    + words.groups(met: NumberStyle.grouped(Double(filtering.met)), missed: NumberStyle.grouped(Double(filtering.missed))))
            var table = TextTable([
                (words.input, .left), (words.ksDistance, .right), (words.pValue, .right), (words.qValue, .right),
                (words.medianMet, .right), (words.medianMissed, .right), (words.threshold, .right),
            ])
            let ranked = filtering.inputs.filter(\.canAffect)
            for input in ranked.prefix(top) {
                table.appendParameter(
                    input.keyPath, mark: input.isDecisive ? " *" : "", scenario: scenario, labels: labels,
                    cells: [
                        NumberStyle.fixed(input.distance, 3), pValueText(input.pValue), pValueText(input.qValue ?? 1),
                        NumberStyle.parameter(input.medianMet), NumberStyle.parameter(input.medianMissed), NumberStyle.parameter(input.threshold),
                    ])
            }
            out.append(table.render())
            if ranked.count < filtering.inputs.count { out.append(words.cannotAffect(filtering.inputs.count - ranked.count)) }
        }
        out.append("")
        out.append(words.explainReading)
        return out.joined(separator: "\n") + "\n"
    }

    static func pValueText(_ p: Double) -> String { p < 1e-4 ? "<0.0001" : NumberStyle.fixed(p, 4) }

    public static func csv(_ filterings: [MonteCarloFiltering]) -> String {
        var table = CSVTable(header: [
            "target_id", "input", "can_affect", "ks", "p_value", "q_value", "decisive", "median_met", "median_missed",
            "threshold", "runs_met", "runs_missed",
        ])
        for filtering in filterings {
            for input in filtering.inputs {
                let numbers = [input.distance, input.pValue, input.qValue ?? .nan].map { $0.isNaN ? "" : formatNumber($0) }
                table.append(
                    [filtering.target.id, input.keyPath, String(input.canAffect)] + numbers + [String(input.isDecisive)]
                        + [input.medianMet, input.medianMissed, input.threshold].map { $0.isNaN ? "" : formatNumber($0) }
                        + [String(filtering.met), String(filtering.missed)])
            }
        }
        return table.text
    }
}
