import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import Simulator

extension Pilotsim {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate a scenario and report how likely each target is to be met.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, csv, json
        }

        @OptionGroup var scenario: ScenarioOptions
        @OptionGroup var simulation: SimulationOptions

        @Option(help: "Also write summary.csv, monthly.csv and runs.csv into this directory.")
        var out: String?

        @Option(help: "What to print: the readable table, summary.csv, or one JSON object.")
        var format: Format = .table

        @Option(help: ArgumentHelp("Run in growing batches until every target's 95% interval half-width is at most H (e.g. 0.005); replaces --runs.",
                                   valueName: "H"))
        var precision: Double?

        @Option(help: "With --precision: the most runs to spend; reaching it is reported as a warning.")
        var maxRuns: Int = 1_000_000

        @OptionGroup var language: LanguageOption

        @OptionGroup var shard: ShardOption

        func validate() throws {
            if shard.parsed != nil {
                guard out != nil else { throw ValidationError("--shard writes a part file: give --out DIR") }
                guard precision == nil else { throw ValidationError("--shard needs a fixed --runs, not --precision") }
            }
            if let precision {
                guard precision > 0, precision < 0.5 else { throw ValidationError("--precision must be between 0 and 0.5 (got \(precision))") }
                guard simulation.runs == nil else { throw ValidationError("give --runs or --precision, not both") }
            }
            guard maxRuns >= 1, maxRuns <= 10_000_000 else { throw ValidationError("--max-runs must be from 1 to 10,000,000 (got \(maxRuns))") }
        }

        func run() throws {
            try reportingFailures {
                let (scenarioText, loaded) = try scenario.loadWithText()
                let engine = MonteCarlo(scenario: loaded, seed: simulation.seed, threads: simulation.threadCount,
                                        keepTrajectories: out != nil, keepParameters: out != nil)
                if let (index, count) = shard.parsed, let out {
                    try writePart(engine, index: index, count: count, scenarioText: scenarioText, out: out)
                    return
                }
                if out != nil {
                    try checkTrajectoryMemory(engine, runs: precision == nil ? simulation.runCount(default: 10_000) : maxRuns, option: "--out")
                }
                let result: SimulationResult
                var stoppingRule: String?
                if let precision {
                    guard !loaded.targets.isEmpty else { throw ValidationError("--precision needs a scenario with targets") }
                    let (precise, reached) = engine.run(precision: precision, maxRuns: maxRuns)
                    result = precise
                    stoppingRule = language.labels.stoppingRule(precision: precision, reached: reached)
                    if !reached {
                        printError("warning: --max-runs \(NumberStyle.grouped(Double(maxRuns))) reached before every P(met) half-width was ≤ \(formatNumber(precision)); reporting \(NumberStyle.grouped(Double(result.runs))) runs")
                    }
                } else {
                    let runs = simulation.runCount(default: 10_000)
                    let progress = ProgressLine("run", total: runs, quiet: simulation.quiet)
                    result = engine.run(runs: runs, progress: progress.update)
                    progress.finish()
                }
                let summary = SimulationSummary(result)

                let printed: String
                switch format {
                case .table:
                    printed = TerminalReport.render(summary, result: result, source: scenario.sourceName(language.labels), labels: language.labels,
                                                    style: .standardOutput(isTerminal: isatty(STDOUT_FILENO) == 1,
                                                                           environment: ProcessInfo.processInfo.environment),
                                                    stoppingRule: stoppingRule)
                case .csv: printed = SummaryCSV.render(summary)
                case .json: printed = try JSONReport.render(summary, scenario: loaded.name.neutral, runs: result.runs, seed: result.seed)
                }
                if let out {
                    try Self.writeOutputs(result, summary: summary, threads: simulation.threadCount, commandLine: CommandLineText.current(),
                                          scenario: scenario.sourceName(), scenarioText: scenarioText, to: out)
                }
                print(printed, terminator: "")
            }
        }

        /// summary.csv, monthly.csv, runs.csv and manifest.json, as one transaction.
        static func writeOutputs(_ result: SimulationResult, summary: SimulationSummary, threads: Int, commandLine: String,
                                 scenario: String, scenarioText: String, to out: String) throws {
            var files = [
                ("summary.csv", SummaryCSV.render(summary)),
                ("monthly.csv", MonthlyCSV.render(MonthlyQuantiles.table(result, threads: threads))),
                ("runs.csv", RunsCSV.render(result)),
            ]
            let manifest = Manifest(commandLine: commandLine, scenario: scenario, scenarioText: scenarioText,
                                    seed: result.seed, runs: result.runs, files: files.map(\.0))
            files.append(("manifest.json", try manifest.json()))
            try OutputFiles(directory: out, files: files).write()
        }

        /// Simulates shard `index` of `count` and writes its part file into `out`.
        func writePart(_ engine: MonteCarlo, index: Int, count: Int, scenarioText: String, out: String) throws {
            let total = simulation.runCount(default: 10_000)
            let indices = PartFile.runs(shard: index, of: count, total: total)
            let progress = ProgressLine("run", total: max(indices.count, 1), quiet: simulation.quiet)
            let result = engine.run(indices: indices, progress: progress.update)
            progress.finish()
            let header = try PartFile.header(command: "run", scenario: scenario, arguments: [], seed: simulation.seed, total: total,
                                             shard: index, of: count, units: indices, trajectories: engine.scenario)
            let data = try PartFile.encode(result, header: header)
            try OutputFiles(directory: out, data: [("part-\(index)-of-\(count).pilotsim", data)]).write()
        }
    }
}
