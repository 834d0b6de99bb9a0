import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate a scenario and report how likely each target is to be met.",
            discussion: """
                Given reported figures (the scenario's observed: section, or --observed FILE) the forecast is \
                conditioned on them; --prior gives the plan-time view.

                Defaults: 10,000 runs (conditioned: 3,000 particles in 4 populations); seed 20230817.

                Examples:
                  pilotsim run
                  pilotsim run --prior --set campaigns[0].winners=60000 --format csv
                  cat my-scenario.yaml | pilotsim run - --out results
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, csv, json
        }

        @OptionGroup var scenario: ScenarioOptions
        @OptionGroup var simulation: SimulationOptions

        @Option(
            help:
                "Also write summary.csv, joint.csv, stages.csv, monthly.csv, runs.csv and manifest.json into this directory (report --from draws the report from it).",
            completion: .directory)
        var out: String?

        @Option(help: "What to print: the readable table, summary.csv, or one JSON object.")
        var format: Format = .table

        @Option(
            help: ArgumentHelp(
                "Run in growing batches until every target's 95% interval half-width is at most H (e.g. 0.005); replaces --runs.",
                valueName: "H"))
        var precision: Double?

        @Option(help: "With --precision: the most runs to spend; reaching it is reported as a warning.")
        var maxRuns: Int = 1_000_000

        @OptionGroup var language: LanguageOption

        @OptionGroup var shard: ShardOption

        @OptionGroup var workbook: WorkbookOption

        @OptionGroup var observed: ObservedOptions

        func validate() throws {
            try OutputFiles.refuseStandardOutput(out, "run")
            try shard.checkOutputs(out: out, workbook: workbook, command: "run")
            if shard.parsed != nil {
                guard precision == nil else { throw ValidationError("--shard needs a fixed --runs, not --precision") }
                guard format == .table else { throw ValidationError("--shard writes a part file and prints nothing: --format has no effect; leave it out") }
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
                if let figures = try observed.figures(for: loaded) {
                    guard shard.parsed == nil else { throw ValidationError("--shard takes no reported figures: shard the plan-time view with --prior") }
                    guard precision == nil else { throw ValidationError("--precision takes no reported figures: give --runs (the particles), or --prior") }
                    let result = try figures.condition(loaded, chains: observed.chains, simulation: simulation, labels: language.labels)
                    let output = ConditionedOutput(result: result, figures: figures, scenario: scenario, scenarioText: scenarioText, labels: language.labels)
                    if let out { try output.write(to: out) }
                    try workbook.write(
                        summary: result.summary, monthly: result.posterior.monthly, scenario: loaded,
                        provenance: try scenario.provenance(seed: result.posterior.seed, figures: figures), labels: language.labels)
                    print(try output.render(format, scenario: loaded, csvIsSummary: true), terminator: "")
                    return
                }
                let engine = MonteCarlo(
                    scenario: loaded, seed: simulation.seed, threads: simulation.threadCount,
                    keep: out == nil && workbook.xlsx == nil ? [] : .monthlyQuantiles)
                if let (index, count) = shard.parsed, let out {
                    try writePart(engine, index: index, count: count, out: out)
                    return
                }
                var runs = simulation.runCount(default: 10_000)
                var probe: SimulationResult?
                var stoppingRule: String?
                if let precision {
                    guard !loaded.targets.isEmpty else { throw ValidationError("--precision needs a scenario with targets") }
                    var probing = engine
                    probing.keep = []
                    let (result, reached) = probing.run(precision: precision, maxRuns: maxRuns)
                    (runs, probe) = (result.runs, result)
                    stoppingRule = language.labels.stoppingRule(precision: precision, reached: reached)
                    if !reached {
                        printError(
                            "warning: --max-runs \(NumberStyle.grouped(Double(maxRuns))) reached before every P(met) half-width was ≤ \(formatNumber(precision)); reporting \(NumberStyle.grouped(Double(runs))) runs"
                        )
                    }
                }
                let result: SimulationResult
                var runsFile: StreamedFile?
                if let out {
                    // runs.csv is written as the blocks come, in run order; nothing of it is kept.
                    let file = try StreamedFile(directory: out, name: "runs.csv")
                    try file.write(RunsCSV.header(loaded, parameters: loaded.uncertainParameters))
                    let progress = ProgressLine("run", quiet: simulation.quiet)
                    result = try engine.run(indices: 0..<runs, progress: progress.update) { block in
                        try file.write(RunsCSV.rows(block, threads: simulation.threadCount))
                    }
                    progress.finish()
                    try file.close()
                    runsFile = file
                } else if let probe {
                    result = probe
                } else {
                    let progress = ProgressLine("run", quiet: simulation.quiet)
                    result = engine.run(runs: runs, progress: progress.update)
                    progress.finish()
                }

                try workbook.write(
                    summary: result.summary, monthly: result.monthly, scenario: loaded,
                    provenance: try scenario.provenance(seed: result.seed, figures: nil), labels: language.labels)
                let printed: String
                switch format {
                case .table:
                    printed = TerminalReport.render(
                        result.summary, result: result, source: scenario.describedSource(language.labels), labels: language.labels,
                        style: .standardOutput(
                            isTerminal: isatty(STDOUT_FILENO) == 1,
                            environment: ProcessInfo.processInfo.environment),
                        stoppingRule: stoppingRule,
                        figures: observed.planTimeLine(loaded, language.labels))
                case .csv: printed = SummaryCSV.render(result.summary)
                case .json:
                    printed = try JSONReport.render(
                        result.summary, scenario: loaded.name.neutral, runs: result.runs, seed: result.seed,
                        provenance: try scenario.provenance(seed: result.seed, figures: nil))
                }
                if let out, let runsFile {
                    try Self.writeOutputs(
                        result, runsFile: runsFile, commandLine: CommandLineText.current(),
                        scenario: scenario.sourceName(), scenarioText: scenarioText, overrides: scenario.overrides, to: out)
                }
                print(printed, terminator: "")
            }
        }

        /// summary.csv, joint.csv, stages.csv, monthly.csv, the streamed runs.csv and manifest.json, as one transaction.
        static func writeOutputs(
            _ result: SimulationResult, runsFile: StreamedFile, commandLine: String, scenario: String, scenarioText: String,
            overrides: [String], shardCommandLines: [String]? = nil, to out: String
        ) throws {
            var files = OutputFiles(
                directory: out,
                files: [
                    ("summary.csv", SummaryCSV.render(result.summary)),
                    ("joint.csv", JointCSV.render(result.summary)),
                    ("stages.csv", StagesCSV.render(result.summary)),
                    ("monthly.csv", MonthlyCSV.render(result.monthly)),
                ])
            files.add(runsFile)
            var manifest = Manifest(
                commandLine: commandLine, scenario: scenario, scenarioText: scenarioText, seed: result.seed, runs: result.runs,
                files: ["summary.csv", "joint.csv", "stages.csv", "monthly.csv", "runs.csv"])
            manifest.overrides = overrides
            manifest.shardCommandLines = shardCommandLines
            files.add(directory: out, files: [("manifest.json", try manifest.json())])
            try files.write()
        }

        /// Simulates shard `index` of `count` and writes its part file into `out`, record by record as the blocks come.
        func writePart(_ engine: MonteCarlo, index: Int, count: Int, out: String) throws {
            let total = simulation.runCount(default: 10_000)
            let indices = PartFile.runs(shard: index, of: count, total: total)
            let record = PartFile.record(engine.scenario)
            let header = try PartFile.header(
                command: "run", scenario: scenario, arguments: [], seed: simulation.seed, total: total,
                shard: index, of: count, units: indices, record: record)
            let file = try StreamedFile(directory: out, name: PartFile.name(shard: index, of: count))
            try file.write(PartFile.start(header))
            let progress = ProgressLine("run", quiet: simulation.quiet)
            try engine.forEachBlock(indices: indices, record: record, progress: progress.update) { try PartFile.write($0, to: file) }
            progress.finish()
            try file.write(PartFile.end)
            try file.close()
            var files = OutputFiles()
            files.add(file)
            try files.write()
        }
    }
}
