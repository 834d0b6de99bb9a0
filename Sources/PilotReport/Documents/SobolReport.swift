import PilotModel
import Simulator

/// The Sobol analysis' terminal table and CSV.
public enum SobolReport {
    public static func csv(_ analysis: GlobalSensitivity, _ estimate: SobolAnalysis.Estimate) -> String {
        var table = CSVTable(header: ["target_id", "parameter", "s1", "s1_low", "s1_high", "st", "st_low", "st_high"])
        for (target, indices) in zip(analysis.scenario.targets, estimate.indices) {
            for (input, i) in zip(analysis.inputs, indices) {
                table.append(
                    [target.id, Labels.english.analysis.inputName(input, of: analysis.scenario)]
                        + [
                            i.firstOrder, i.firstOrderInterval.lowerBound, i.firstOrderInterval.upperBound,
                            i.total, i.totalInterval.lowerBound, i.totalInterval.upperBound,
                        ].map(formatNumber))
            }
        }
        return table.text
    }

    public static func table(
        _ analysis: GlobalSensitivity, _ estimate: SobolAnalysis.Estimate, top: Int, seed: UInt64,
        source: String, labels: Labels = .english, figures: String? = nil
    ) -> String {
        let s = analysis.scenario, words = labels.analysis
        let names = analysis.inputs.map { words.inputName($0, of: s) }
        var out =
            ReportHeader.render(
                title: "\(words.sobolTitle) — \(labels.text(s.name))",
                [
                    (labels.scenario, source)
                ] + ReportHeader.figuresRow(figures, labels) + [
                    (
                        words.samples,
                        "\(words.samples(rows: NumberStyle.grouped(Double(estimate.samples)), inputs: names.count, parameters: analysis.parameters.count, runs: NumberStyle.grouped(Double(estimate.evaluations))))   \(labels.seed) \(seed)"
                    ),
                    (words.design, estimate.design == .sobol ? words.sobolDesign : words.pseudoRandomDesign),
                ]) + [""]
        for (target, indices) in zip(s.targets, estimate.indices) {
            out.append("\(labels.text(target.label)) (\(target.id))")
            guard !indices.isEmpty else {
                out.append("  " + words.noVariation)
                out.append("")
                continue
            }
            var table = TextTable([(words.input, .left), (words.firstOrder, .left), (words.total, .left)])
            let ranked = indices.indices.sorted { indices[$0].total > indices[$1].total }
            let noise = names.count - 1
            for k in Array(ranked.prefix(top).filter { $0 != noise }) + [noise] {
                let i = indices[k]
                let cells = [
                    "\(f(i.firstOrder)) (\(f(i.firstOrderInterval.lowerBound))–\(f(i.firstOrderInterval.upperBound)))",
                    "\(f(i.total)) (\(f(i.totalInterval.lowerBound))–\(f(i.totalInterval.upperBound)))",
                ]
                if case .parameter(let p) = analysis.inputs[k] {
                    table.appendParameter(s.parameters[p].keyPath, scenario: s, labels: labels, cells: cells)
                } else {
                    table.append([names[k]] + cells)
                }
            }
            out.append(table.render())
            out.append("")
        }
        out.append(words.sobolError(rows: NumberStyle.grouped(Double(estimate.samples))))
        return out.joined(separator: "\n") + "\n"
    }

    private static func f(_ x: Double) -> String { NumberStyle.fixed(x, 3) }
}
