import ArgumentParser
import Foundation
import PilotModel
import PilotReport
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
                """)

        @OptionGroup var scenario: ScenarioOptions
        @OptionGroup var simulation: SimulationOptions

        @Option(help: "The reported figures: CSV month,metric,value[,rel_error].")
        var observed: String

        @Option(help: "Particles (runs) of the sampler, in all: split evenly over the chains.")
        var particles: Int = 10_000

        @Option(help: "Independent SMC populations; their spread is the results' Monte Carlo error (1 to 16).")
        var chains: Int = Conditioning.defaultChains

        @Option(help: "Also write summary.csv, monthly.csv (conditioned), posterior.csv, particles.csv, observations.csv, diagnostics.csv, chains.csv and manifest.json into this directory.")
        var out: String?

        @Option(help: "What to print: the readable table, the targets as CSV, or one JSON object.")
        var format: Run.Format = .table

        @OptionGroup var language: LanguageOption

        func validate() throws {
            guard (100...1_000_000).contains(particles) else { throw ValidationError("--particles must be from 100 to 1,000,000 (got \(particles))") }
            guard simulation.runs == nil else { throw ValidationError("condition takes --particles, not --runs") }
            guard (1...16).contains(chains) else { throw ValidationError("--chains must be from 1 to 16 (got \(chains))") }
        }

        func run() throws {
            try reportingFailures {
                let (scenarioText, loaded) = try scenario.loadWithText()
                let observations = try ObservationFile.load(path: observed, scenario: loaded)
                let progress = ProgressLine("condition", total: 100, quiet: simulation.quiet)
                let sampler = Conditioning(scenario: loaded, observations: observations, particles: particles, chains: chains,
                                           seed: simulation.seed, threads: simulation.threadCount)
                let result = sampler.run { progress.update(Int($0 * 100)) }
                progress.finish()
                let report = ConditionReport(result)
                report.warnings(language.labels).forEach(printError)
                if let out {
                    var files = [
                        ("summary.csv", SummaryCSV.render(report.posteriorSummary)),
                        ("monthly.csv", MonthlyCSV.render(result.posterior.monthly)),
                        ("posterior.csv", report.posteriorCSV()),
                        ("particles.csv", RunsCSV.render(result.posterior)),
                        ("observations.csv", report.observationsCSV()),
                        ("diagnostics.csv", report.diagnosticsCSV()),
                        ("chains.csv", report.chainsCSV()),
                    ]
                    let manifest = Manifest(commandLine: CommandLineText.current(), scenario: scenario.sourceName(), scenarioText: scenarioText,
                                            seed: simulation.seed, runs: particles, files: files.map(\.0))
                    files.append(("manifest.json", try manifest.json()))
                    try OutputFiles(directory: out, files: files).write()
                }
                switch format {
                case .table:
                    print(report.table(source: scenario.sourceName(language.labels), observedFile: observed, labels: language.labels,
                                       style: .standardOutput(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)),
                          terminator: "")
                case .csv: print(report.targetsCSV(), terminator: "")
                case .json: print(try report.json(scenario: loaded.name.neutral), terminator: "")
                }
            }
        }
    }
}
