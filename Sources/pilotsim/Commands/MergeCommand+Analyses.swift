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
        try workbook.write {
            try ExcelReport.sweep(sweep, rows: rows.flatMap(\.rows), provenance: Self.provenance(header), labels: language.labels)
        }
        try OutputFiles(
            directory: out,
            files: [
                ("sweep.csv", SweepReport.csv(sweep, []) + rows.map(\.text).joined()),
                try Self.manifest(header, ordered, file: "sweep.csv"),
            ]
        ).write()
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
        try workbook.write {
            try ExcelReport.tornado(
                sorted, scenario: scenario, top: TopOption.standard, provenance: Self.provenance(header),
                labels: language.labels)
        }
        try OutputFiles(
            directory: out,
            files: [
                ("tornado.csv", TornadoReport.csv(scenario, sorted)),
                try Self.manifest(header, ordered, file: "tornado.csv"),
            ]
        ).write()
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
        try workbook.write {
            try ExcelReport.sobol(
                analysis, estimate, top: TopOption.standard, provenance: Self.provenance(header),
                labels: language.labels)
        }
        try OutputFiles(
            directory: out,
            files: [
                ("sobol.csv", SobolReport.csv(analysis, estimate)),
                try Self.manifest(header, ordered, file: "sobol.csv"),
            ]
        ).write()
    }
}
