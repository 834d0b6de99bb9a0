import ArgumentParser
import PilotModel
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

        func run() throws {
            try reportingFailures {
                let loaded = try scenario.load()
                let engine = MonteCarlo(scenario: loaded, seed: simulation.seed, threads: simulation.threadCount,
                                        keepTrajectories: out != nil)
                let result = engine.run(runs: simulation.runs)
                let summary = SimulationSummary(result)

                let printed: String
                switch format {
                case .table: printed = TerminalReport.render(summary, result: result, source: scenario.sourceName)
                case .csv: printed = SummaryCSV.render(summary)
                case .json: printed = try JSONReport.render(summary, scenario: loaded.name, runs: result.runs, seed: result.seed)
                }
                if let out {
                    try OutputFiles(directory: out, files: [
                        ("summary.csv", SummaryCSV.render(summary)),
                        ("monthly.csv", MonthlyCSV.render(MonthlyQuantiles.table(result, threads: simulation.threadCount))),
                        ("runs.csv", RunsCSV.render(result)),
                    ]).write()
                }
                print(printed, terminator: "")
            }
        }
    }
}
