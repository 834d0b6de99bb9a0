import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Condition: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The targets' chances given figures already reported (wallets, merchants, amounts at the end of a month).",
            discussion: """
                --observed is a CSV file with the header month,metric,value[,rel_error]: a metric of monthly.csv \
                (wallets, merchants, amount, amount.personal, milestones.NAME, …), its value at the end of that month, \
                and the relative sd of the reporting error (default 0.05). pilotsim conditions the scenario on the \
                figures by tempered sequential Monte Carlo over the uncertain parameters and the process noise, and \
                prints prior and conditioned P(met) side by side, what the figures say about each assumption, and the \
                sampler's diagnostics. A figure the scenario can hardly explain is reported as a warning.

                Defaults: 10,000 particles in 4 populations.

                Examples:
                  pilotsim condition --observed docs/examples/haimen-2023-08.csv
                  pilotsim condition --observed figures.csv --particles 20000 --out conditioned
                """)

        @OptionGroup var scenario: ScenarioOptions
        @OptionGroup var execution: ExecutionOptions

        @Option(help: "The reported figures: CSV month,metric,value[,rel_error].")
        var observed: String

        @Option(help: "Particles (runs) of the sampler, in all (100 to 100,000): split evenly over the chains.")
        var particles: Int = 10_000

        @Option(help: "Independent SMC populations; their spread is the results' Monte Carlo error (1 to 16).")
        var chains: Int = Conditioning.defaultChains

        @Option(
            help:
                "Also write summary.csv, monthly.csv (conditioned), posterior.csv, particles.csv, observations.csv, diagnostics.csv, chains.csv and manifest.json into this directory (with --shard: the part file, a shard's populations).",
            completion: .directory)
        var out: String?

        @Option(help: "What to print: the readable table, the targets as CSV, or one JSON object.")
        var format: Run.Format = .table

        @OptionGroup var language: LanguageOption

        @OptionGroup var workbook: WorkbookOption

        @OptionGroup var shard: ShardOption

        func validate() throws {
            try OutputFiles.refuseStandardOutput(out, "condition")
            try shard.checkOutputs(out: out, xlsx: workbook.xlsx, command: "condition")
            guard Analyses.Condition.particleRange.contains(particles) else {
                throw ValidationError("--particles must be from 100 to 100,000 (got \(particles))")
            }
            guard Analyses.Condition.chainRange.contains(chains) else { throw ValidationError("--chains must be from 1 to 16 (got \(chains))") }
        }

        func run() throws {
            try reportingFailures {
                let (scenarioText, loaded) = try scenario.loadWithText()
                let figures = try ReportedFigures(fileText: try ObservationFile.text(path: observed), file: observed, scenario: loaded)
                if let (index, count) = shard.parsed, let out {
                    // Each shard tempers its populations; merge does the rest, as one process does.
                    try Analyses.Condition(scenario: loaded, figures: figures, particles: particles, chains: chains)
                        .writePart(shard: index, of: count, execution.withProgress(), origin: try scenario.partOrigin(), into: out)
                    return
                }
                let result = try ObservedOptions.condition(
                    loaded, on: figures, particles: particles, chains: chains, seed: execution.seed,
                    threads: execution.threadCount, quiet: execution.quiet, labels: language.labels)
                try ConditionedOutput(result: result, figures: figures, scenario: scenario, scenarioText: scenarioText, labels: language.labels)
                    .deliver(out: out, workbook: workbook, format: format, scenario: loaded, csvIsSummary: false)
            }
        }
    }
}
