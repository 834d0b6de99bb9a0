import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Sobol: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Global sensitivity: first-order and total Sobol indices of each target's value, with bootstrap intervals.",
            discussion: """
                Inputs are the scenario's uncertain parameters and the process noise (which run's month-by-month \
                draws are used). Saltelli's design with N samples costs N × (inputs + 2) runs; rows come from GSL's \
                Sobol sequence when there are at most 20 inputs, otherwise from pseudo-random draws.

                Defaults: --samples 1,000.

                Examples:
                  pilotsim sobol --prior --top 5
                  pilotsim sobol --samples 4096 --out sobol.csv
                """)

        @OptionGroup var scenario: ScenarioOptions

        @OptionGroup var language: LanguageOption

        @Option(help: "N, the rows of each Saltelli matrix.")
        var samples: Int = 1000

        @OptionGroup var execution: ExecutionOptions

        @OptionGroup var topOption: TopOption
        var top: Int { topOption.top }

        @Option(help: "Write target_id,parameter,s1,s1_low,s1_high,st,st_low,st_high to this file.", completion: .file())
        var out: String?

        @OptionGroup var shard: ShardOption

        @OptionGroup var workbook: WorkbookOption

        func validate() throws {
            try shard.checkOutputs(out: out, xlsx: workbook.xlsx, command: "sobol")
            guard Analyses.Sobol.sampleRange.contains(samples) else { throw ValidationError("--samples must be from 100 to 1,000,000 (got \(samples))") }
        }

        @OptionGroup var observed: ObservedOptions

        func run() throws {
            try reportingFailures {
                let loaded = try scenario.load()
                guard !loaded.targets.isEmpty else { throw ValidationError("sobol needs a scenario with targets") }
                if !loaded.correlations.isEmpty {
                    printError("warning: Sobol indices assume independent inputs; the scenario's correlations are not applied here")
                }
                if let (index, count) = shard.parsed, let out {
                    try observed.refuseInShard(loaded)
                    // Each shard evaluates its block of the design's rows; merge estimates from all of them.
                    try Analyses.Sobol(analysis: GlobalSensitivity(scenario: loaded), samples: samples)
                        .writePart(shard: index, of: count, execution.withProgress(), origin: try scenario.partOrigin(), into: out)
                    return
                }
                // sobol has no --runs: it conditions with the default particles.
                let (sample, figures) = try observed.sample(
                    for: loaded, particles: Analyses.Condition.defaultParticles, seed: execution.seed,
                    threads: execution.threadCount, quiet: execution.quiet,
                    labels: language.labels)
                let analysis = GlobalSensitivity(scenario: loaded, sample: sample)
                let estimate = ProgressLine.showing("sobol", quiet: execution.quiet) {
                    Analyses.Sobol(analysis: analysis, samples: samples).run(execution.withProgress($0))
                }
                try workbook.write {
                    try ExcelReport.sobol(
                        analysis, estimate, top: top,
                        provenance: try scenario.provenance(seed: execution.seed, figures: try observed.figures(for: loaded)),
                        labels: language.labels)
                }
                if let out, try Console.writeOne(SobolReport.csv(analysis, estimate), to: out) { return }
                Console.write(
                    SobolReport.table(
                        analysis, estimate, top: top, seed: execution.seed, source: scenario.describedSource(language.labels),
                        labels: language.labels, figures: figures))
            }
        }
    }
}
