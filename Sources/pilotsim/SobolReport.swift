import PilotModel
import PilotReport
import Simulator

/// The Sobol analysis' terminal table and CSV.
enum SobolReport {
    static func csv(_ analysis: GlobalSensitivity, _ estimate: SobolAnalysis.Estimate) -> String {
        var table = CSVTable(header: ["target_id", "parameter", "s1", "s1_low", "s1_high", "st", "st_low", "st_high"])
        for (target, indices) in zip(analysis.scenario.targets, estimate.indices) {
            for (name, i) in zip(analysis.inputNames, indices) {
                table.append([target.id, name] + [i.firstOrder, i.firstOrderInterval.lowerBound, i.firstOrderInterval.upperBound,
                                                  i.total, i.totalInterval.lowerBound, i.totalInterval.upperBound].map(CSVTable.number))
            }
        }
        return table.text
    }

    static func table(_ analysis: GlobalSensitivity, _ estimate: SobolAnalysis.Estimate, top: Int, seed: UInt64, source: String) -> String {
        let s = analysis.scenario, names = analysis.inputNames
        var out = ReportHeader.render(title: "pilotsim sobol — \(s.name)", [
            ("scenario", source),
            ("samples", "\(NumberStyle.grouped(Double(estimate.samples))) rows, \(names.count) inputs (\(names.count - 1) parameters + noise), "
                + "\(NumberStyle.grouped(Double(estimate.evaluations))) runs   seed \(seed)"),
            ("design", "Saltelli A/B matrices from " + (estimate.design == .sobol ? "GSL's Sobol sequence"
                : "pseudo-random draws (more inputs than GSL's 40-dimensional Sobol sequence allows)")),
        ]) + [""]
        for (target, indices) in zip(s.targets, estimate.indices) {
            out.append("\(target.label) (\(target.id))")
            guard !indices.isEmpty else {
                out.append("  the value does not vary across runs; no indices")
                out.append("")
                continue
            }
            var table = TextTable([("input", .left), ("first-order S1 (95%)", .left), ("total ST (95%)", .left)])
            let ranked = indices.indices.sorted { indices[$0].total > indices[$1].total }
            let noise = names.count - 1
            for k in Array(ranked.prefix(top).filter { $0 != noise }) + [noise] {
                let i = indices[k]
                table.append([names[k], "\(f(i.firstOrder)) (\(f(i.firstOrderInterval.lowerBound))–\(f(i.firstOrderInterval.upperBound)))",
                              "\(f(i.total)) (\(f(i.totalInterval.lowerBound))–\(f(i.totalInterval.upperBound)))"])
            }
            out.append(table.render())
            out.append("")
        }
        out.append("Monte Carlo error: intervals are bootstrap 95% percentiles over the \(NumberStyle.grouped(Double(estimate.samples))) rows "
                   + "(500 resamples); more --samples narrow them by about 1/√N. S1 is the share of the value's variance an input "
                   + "explains alone, ST the share it takes part in; the noise row is what no assumption can remove.")
        return out.joined(separator: "\n") + "\n"
    }

    private static func f(_ x: Double) -> String { NumberStyle.fixed(x, 3) }
}
