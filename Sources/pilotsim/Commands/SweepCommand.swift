import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Sweep: ParsableCommand {
        /// The runs (a point, a setting) when `--runs` is not given, as the help says.
        static let defaultRuns = 2000

        static let configuration = CommandConfiguration(
            abstract: "P(met) of every target along a line or grid of values of one or two parameters.",
            discussion: """
                SPEC is FROM:TO:STEPS (both ends included), FROM:TO:STEPS:log, or v1,v2,v3. Any number of the \
                scenario can be varied: a parameter (a distribution is replaced by the constant), one stage's value \
                (wallets.personal.innovation.launch), a count (campaigns[0].winners) or a target's threshold \
                (targets.wallets-2023.at_least). Every point uses the same seed and run indices.

                Defaults: \(NumberStyle.grouped(Double(defaultRuns))) runs a point.

                Examples:
                  pilotsim sweep --vary campaigns[0].winners=10000:60000:6
                  pilotsim sweep --vary wallets.personal.innovation.launch=0.005:0.05:10:log --out sweep.csv
                """)

        @OptionGroup var scenario: ScenarioOptions
        @OptionGroup var simulation: SimulationOptions

        @Option(name: .customLong("vary"), help: ArgumentHelp("KEY.PATH=SPEC; once for a line, twice for a grid.", valueName: "KEY.PATH=SPEC"))
        var axisArguments: [String] = []

        @OptionGroup var language: LanguageOption

        @Option(help: "Write the long CSV (one row per point and target) to this file (with --shard: the directory of the part file).", completion: .file())
        var out: String?

        @OptionGroup var shard: ShardOption

        @OptionGroup var workbook: WorkbookOption

        func validate() throws {
            try shard.checkOutputs(out: out, xlsx: workbook.xlsx, command: "sweep")
            guard (1...2).contains(axisArguments.count) else { throw ValidationError("give one or two --vary KEY.PATH=SPEC") }
            var points = 1
            for argument in axisArguments {
                points *= try VaryArgument(argument, option: "--vary").sweepAxis(option: "--vary").values.count
                guard points <= Simulator.Sweep.maximumPoints else {
                    throw ValidationError("--vary makes \(points) points or more; expected at most \(Simulator.Sweep.maximumPoints) (a grid of 100 × 100)")
                }
            }
        }

        @OptionGroup var observed: ObservedOptions

        func run() throws {
            try reportingFailures {
                let sweep = try Self.sweep(axisArguments, option: "--vary", scenario: scenario)
                if let (index, count) = shard.parsed, let out {
                    try observed.refuseInShard(sweep.base)
                    try Analyses.Sweep(sweep: sweep, runs: simulation.runCount(default: Self.defaultRuns))
                        .writePart(shard: index, of: count, simulation.withProgress(), origin: try scenario.partOrigin(), into: out)
                    return
                }
                let (sample, figures) = try observed.sample(for: sweep.base, simulation: simulation, labels: language.labels)
                let analysis = Analyses.Sweep(sweep: sweep, runs: simulation.runCount(default: Self.defaultRuns), sample: sample)
                let runs = analysis.runCount
                let summaries = try ProgressLine.showing("sweep", quiet: simulation.quiet) {
                    try analysis.run(simulation.withProgress($0))
                }
                try workbook.write {
                    try ExcelReport.sweep(
                        sweep, rows: SweepReport.rows(summaries),
                        provenance: try scenario.provenance(seed: simulation.seed, figures: try observed.figures(for: sweep.base)),
                        labels: language.labels)
                }
                if let out, try Console.writeOne(SweepReport.csv(sweep, summaries), to: out) { return }
                Console.write(
                    SweepReport.table(
                        sweep, summaries, runs: runs, seed: simulation.seed,
                        source: scenario.describedSource(language.labels), labels: language.labels, figures: figures))
            }
        }
    }
}

extension Pilotsim.Sweep {
    /// The sweep of the scenario along the axes `arguments` of `option` (`--vary`, or report's
    /// `--sweep`), its key paths checked against the scenario's numbers.
    static func sweep(_ arguments: [String], option: String, scenario: ScenarioOptions) throws -> Simulator.Sweep {
        let axes = try arguments.map { try VaryArgument($0, option: option).sweepAxis(option: option) }
        do {
            return try Simulator.Sweep(
                document: try scenario.document(), overrides: try scenario.parsedOverrides(), axes: axes)
        } catch let error as SweepPathError {
            throw ValidationError(message(error, option: option))
        }
    }

    /// The error of a key path given to `option` (`--vary`, or report's `--sweep`) that names no
    /// number of the scenario.
    static func message(_ error: SweepPathError, option: String = "--vary") -> String {
        "\(option) \(error.path): not a number of this scenario; expected a parameter, count or target threshold such as "
            + error.closest.map { "'\($0)'" }.joined(separator: ", ")
    }
}
