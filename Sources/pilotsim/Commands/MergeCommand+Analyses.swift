import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim.Merge {
    /// The analysis sweep parts were made by, from their header: the sweep its `--vary` arguments
    /// make, at the runs it records, checked against the points the parts hold in all.
    func sweepShards(_ header: PartFile.Header, document: ScenarioDocument, overrides: [ScenarioOverride]) throws -> Analyses.Sweep {
        let arguments = PartPayloads.arguments("--vary", in: header)
        let axes = try arguments.map { argument in
            do { return try VaryArgument(argument, option: "--vary").sweepAxis(option: "--vary") } catch {
                throw PartFileError(parts[0], "its --vary \(argument) is not one sweep takes")
            }
        }
        guard (1...2).contains(axes.count), axes.reduce(1, { $0 * $1.values.count }) <= Simulator.Sweep.maximumPoints,
            let runs = PartPayloads.arguments("--runs", in: header).first.flatMap({ Int($0) }), (1...10_000_000).contains(runs)
        else {
            throw PartFileError(parts[0], "its --vary and --runs arguments are not ones sweep takes")
        }
        let sweep = try Simulator.Sweep(document: document, overrides: overrides, axes: axes)
        guard header.totalRuns == sweep.points.count else {
            throw PartFileError(parts[0], "\(header.totalRuns) points in all; its --vary makes \(sweep.points.count)")
        }
        return Analyses.Sweep(sweep: sweep, runs: runs, axisArguments: arguments)
    }

    /// The analysis tornado parts were made by: its quantiles and runs, checked against the
    /// parameters the parts hold in all.
    func tornadoShards(_ header: PartFile.Header, scenario: Scenario) throws -> Analyses.Tornado {
        let quantiles = ["--low", "--high"].map { PartPayloads.arguments($0, in: header).first.flatMap(decimalNumber) }
        guard let low = quantiles[0], let high = quantiles[1], 0 < low, low < high, high < 1,
            let runs = PartPayloads.arguments("--runs", in: header).first.flatMap({ Int($0) }), (1...10_000_000).contains(runs)
        else {
            throw PartFileError(parts[0], "its --low, --high and --runs are not ones tornado takes")
        }
        let tornado = Simulator.Tornado(scenario: scenario, low: low, high: high)
        guard header.totalRuns == tornado.parameters.count else {
            throw PartFileError(parts[0], "\(header.totalRuns) parameters in all; its scenario has \(tornado.parameters.count) uncertain ones")
        }
        return Analyses.Tornado(tornado: tornado, runs: runs)
    }

    /// The analysis sobol parts were made by: its samples, checked against the design rows the
    /// parts hold in all.
    func sobolShards(_ header: PartFile.Header, scenario: Scenario) throws -> Analyses.Sobol {
        let analysis = GlobalSensitivity(scenario: scenario)
        guard let samples = PartPayloads.arguments("--samples", in: header).first.flatMap({ Int($0) }),
            Pilotsim.Sobol.sampleRange.contains(samples), header.totalRuns == analysis.rowCount(samples: samples)
        else {
            throw PartFileError(parts[0], "its --samples and \(header.totalRuns) design rows are not ones sobol writes for its scenario")
        }
        return Analyses.Sobol(analysis: analysis, samples: samples)
    }

    /// Joins the parts of any shardable analysis: its CSV and manifest into `--out`, and with
    /// `--xlsx` its workbook.
    func merge<Shardable: ShardableAnalysis>(_ analysis: Shardable, _ ordered: [PartFile.Reader], header: PartFile.Header) throws {
        let merged = try analysis.merge(ordered, seed: header.seed)
        try workbook.write { try merged.workbook(Self.provenance(header), language.labels, TopOption.standard) }
        try OutputFiles(directory: out, files: [(merged.fileName, merged.csv), try Self.manifest(header, ordered, file: merged.fileName)]).write()
    }
}
