import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim.Merge {
    /// Joins sweep parts: the long CSV of every point — the header line, then each part's rows in
    /// order — checked against the sweep the parts' `--vary` arguments make.
    func mergeSweep(_ ordered: [PartFile.Reader], header: PartFile.Header, document: ScenarioDocument, overrides: [ScenarioOverride]) throws {
        let axes = try PartPayloads.arguments("--vary", in: header).map { argument in
            do { return try VaryArgument(argument, option: "--vary").sweepAxis(option: "--vary") } catch {
                throw PartFileError(parts[0], "its --vary \(argument) is not one sweep takes")
            }
        }
        guard (1...2).contains(axes.count), axes.reduce(1, { $0 * $1.values.count }) <= Simulator.Sweep.maximumPoints else {
            throw PartFileError(parts[0], "its --vary arguments are not ones sweep takes")
        }
        let sweep = try Simulator.Sweep(document: document, overrides: overrides, axes: axes, pointSource: "--vary")
        guard header.totalRuns == sweep.points.count else {
            throw PartFileError(parts[0], "\(header.totalRuns) points in all; its --vary makes \(sweep.points.count)")
        }
        // The long CSV of every point: the header line, then each part's rows in order.
        let rows = try ordered.map { try PartPayloads.sweepRows($0, sweep: sweep) }
        try writeMerged(
            "sweep.csv", SweepReport.csv(sweep, []) + rows.map(\.text).joined(), header: header, ordered: ordered
        ) { provenance in try ExcelReport.sweep(sweep, rows: rows.flatMap(\.rows), provenance: provenance, labels: language.labels) }
    }

    /// Joins tornado parts: every parameter's bars, in parameter order, sorted by swing as one
    /// process sorts them.
    func mergeTornado(_ ordered: [PartFile.Reader], header: PartFile.Header, scenario: Scenario) throws {
        let quantiles = ["--low", "--high"].map { PartPayloads.arguments($0, in: header).first.flatMap(decimalNumber) }
        guard let low = quantiles[0], let high = quantiles[1], 0 < low, low < high, high < 1 else {
            throw PartFileError(parts[0], "its --low and --high are not ones tornado takes")
        }
        let tornado = Simulator.Tornado(scenario: scenario, low: low, high: high)
        guard header.totalRuns == tornado.parameters.count else {
            throw PartFileError(parts[0], "\(header.totalRuns) parameters in all; its scenario has \(tornado.parameters.count) uncertain ones")
        }
        var bars = [[Simulator.Tornado.Bar]](repeating: [], count: scenario.targets.count)
        for part in ordered {
            for (j, shardBars) in try PartPayloads.tornadoBars(part, tornado: tornado).enumerated() { bars[j] += shardBars }
        }
        let sorted = Simulator.Tornado.sorted(bars)
        try writeMerged("tornado.csv", TornadoReport.csv(scenario, sorted), header: header, ordered: ordered) { provenance in
            try ExcelReport.tornado(sorted, scenario: scenario, top: TopOption.standard, provenance: provenance, labels: language.labels)
        }
    }

    /// Joins sobol parts: every design row's values, in row order, then the indices as one
    /// process estimates them.
    func mergeSobol(_ ordered: [PartFile.Reader], header: PartFile.Header, scenario: Scenario) throws {
        let analysis = GlobalSensitivity(scenario: scenario)
        guard let samples = PartPayloads.arguments("--samples", in: header).first.flatMap({ Int($0) }),
            Pilotsim.Sobol.sampleRange.contains(samples), header.totalRuns == analysis.rowCount(samples: samples)
        else {
            throw PartFileError(parts[0], "its --samples and \(header.totalRuns) design rows are not ones sobol writes for its scenario")
        }
        var f = [[Double]](repeating: [], count: scenario.targets.count)
        for part in ordered {
            for (j, values) in try PartPayloads.sobolValues(part, targets: f.count).enumerated() { f[j] += values }
        }
        let estimate = analysis.estimate(f, samples: samples, seed: header.seed)
        try writeMerged("sobol.csv", SobolReport.csv(analysis, estimate), header: header, ordered: ordered) { provenance in
            try ExcelReport.sobol(analysis, estimate, top: TopOption.standard, provenance: provenance, labels: language.labels)
        }
    }

    /// Writes a merged analysis: its CSV `name` with its manifest into `--out`, and with `--xlsx`
    /// the workbook `makeWorkbook` builds for the merge's provenance.
    private func writeMerged(
        _ name: String, _ csv: String, header: PartFile.Header, ordered: [PartFile.Reader], makeWorkbook: (Provenance) throws -> Data
    ) throws {
        try workbook.write { try makeWorkbook(Self.provenance(header)) }
        try OutputFiles(directory: out, files: [(name, csv), try Self.manifest(header, ordered, file: name)]).write()
    }
}
