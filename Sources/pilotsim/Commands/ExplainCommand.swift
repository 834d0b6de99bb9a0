import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Explain: ParsableCommand {
        /// The runs (a point, a setting) when `--runs` is not given, as the help says.
        static let defaultRuns = 10_000

        static let configuration = CommandConfiguration(
            abstract: "What the runs that meet a target share: each assumption's distribution in runs that met it against runs that missed.",
            discussion: """
                Monte Carlo filtering: for each uncertain input, the Kolmogorov–Smirnov distance between its values in \
                the runs that met the target and in those that missed (near 1: it decides the target; near 0: it does \
                not), the medians of both groups and the single value that separates them best.

                Defaults: \(NumberStyle.grouped(Double(defaultRuns))) runs; the \(TopOption.standard) most decisive inputs.

                Examples:
                  pilotsim explain --target amount-2023 --top 5
                  pilotsim explain --prior --out explain.csv
                """)

        @OptionGroup var scenario: ScenarioOptions
        @OptionGroup var simulation: SimulationOptions

        @Option(help: "The target's id (default: every target).")
        var target: String?

        @OptionGroup var topOption: TopOption
        var top: Int { topOption.top }

        @Option(
            help:
                "Write target_id,input,ks,p_value,median_met,median_missed,threshold,runs_met,runs_missed to this file (with --shard: the directory of the part file).",
            completion: .file())
        var out: String?

        @OptionGroup var language: LanguageOption

        @OptionGroup var observed: ObservedOptions

        @OptionGroup var shard: ShardOption

        func validate() throws {
            try shard.checkOutputs(out: out, command: "explain")
        }

        func run() throws {
            try reportingFailures {
                let loaded = try scenario.load()
                var analysis = try Analyses.Explain(scenario: loaded, targetID: target, runs: simulation.runCount(default: Self.defaultRuns))
                if let (index, count) = shard.parsed, let out {
                    try observed.refuseInShard(loaded)
                    try analysis.writePart(shard: index, of: count, simulation.withProgress(), origin: try scenario.partOrigin(), into: out)
                    return
                }
                let figures: String
                (analysis.sample, figures) = try observed.sample(for: loaded, simulation: simulation, labels: language.labels)
                let runs = analysis.runCount
                let filterings = ProgressLine.showing("explain", quiet: simulation.quiet) {
                    analysis.run(simulation.withProgress($0))
                }
                if let out, try Console.writeOne(ExplainReport.csv(filterings), to: out) { return }
                Console.write(
                    ExplainReport.table(
                        filterings, scenario: loaded, top: top, runs: runs, seed: simulation.seed, source: scenario.describedSource(language.labels),
                        labels: language.labels, figures: figures))
            }
        }
    }
}
