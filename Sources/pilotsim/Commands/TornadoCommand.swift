import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Tornado: ParsableCommand {
        /// The runs (a point, a setting) when `--runs` is not given, as the help says.
        static let defaultRuns = 2000

        static let configuration = CommandConfiguration(
            abstract: "Which assumptions move each target: every uncertain parameter pinned at a low and a high quantile.",
            discussion: """
                Each parameter given as a distribution (each stage's value of a by-stage map counts as its own) is \
                pinned at its --low and --high quantiles while all others stay uncertain; every simulation uses the \
                same seed and run indices, so a parameter that does not enter a target's metric has a swing of exactly 0.

                Defaults: \(NumberStyle.grouped(Double(defaultRuns))) runs a setting; quantiles 0.1 and 0.9.

                Examples:
                  pilotsim tornado --top 5
                  pilotsim tornado --prior --out tornado.csv
                """)

        @OptionGroup var scenario: ScenarioOptions
        @OptionGroup var simulation: SimulationOptions

        @OptionGroup var language: LanguageOption

        @OptionGroup var quantiles: TornadoQuantiles

        @OptionGroup var topOption: TopOption
        var top: Int { topOption.top }

        @Option(help: "Write target_id,parameter,low_value,high_value,p_met_low,p_met_high,swing to this file.", completion: .file())
        var out: String?

        @OptionGroup var shard: ShardOption

        @OptionGroup var workbook: WorkbookOption

        func validate() throws {
            try shard.checkOutputs(out: out, xlsx: workbook.xlsx, command: "tornado")
        }

        @OptionGroup var observed: ObservedOptions

        func run() throws {
            try reportingFailures {
                let loaded = try scenario.load()
                if let (index, count) = shard.parsed, let out {
                    try observed.refuseInShard(loaded)
                    // Each shard pins its block of the uncertain parameters; merge sorts the bars as one process does.
                    try Analyses.Tornado(
                        tornado: Simulator.Tornado(scenario: loaded, low: quantiles.low, high: quantiles.high),
                        runs: simulation.runCount(default: Self.defaultRuns)
                    ).writePart(shard: index, of: count, simulation.withProgress(), origin: try scenario.partOrigin(), into: out)
                    return
                }
                let (sample, figures) = try observed.sample(for: loaded, simulation: simulation, labels: language.labels)
                let analysis = Analyses.Tornado(
                    tornado: Simulator.Tornado(scenario: loaded, low: quantiles.low, high: quantiles.high, sample: sample),
                    runs: simulation.runCount(default: Self.defaultRuns))
                let (tornado, runs) = (analysis.tornado, analysis.runCount)
                let (baseline, bars) = ProgressLine.showing("tornado", quiet: simulation.quiet) {
                    analysis.run(simulation.withProgress($0))
                }
                try workbook.write {
                    try ExcelReport.tornado(
                        bars, scenario: loaded, top: top,
                        provenance: try scenario.provenance(seed: simulation.seed, figures: try observed.figures(for: loaded)),
                        labels: language.labels)
                }
                if let out, try Console.writeOne(TornadoReport.csv(loaded, bars), to: out) { return }
                Console.write(
                    TornadoReport.table(
                        tornado, baseline: baseline, bars: bars, top: top, runs: runs, seed: simulation.seed,
                        source: scenario.describedSource(language.labels), labels: language.labels, figures: figures))
            }
        }
    }
}
