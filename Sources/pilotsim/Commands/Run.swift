import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Run: ParsableCommand {
        /// The runs (a point, a setting) when `--runs` is not given, as the help says.
        static let defaultRuns = 10_000

        static let configuration = CommandConfiguration(
            abstract: "Simulate a scenario and report how likely each target is to be met.",
            discussion: """
                Given reported figures (the scenario's observed: section, or --observed FILE) the forecast is \
                conditioned on them; --prior gives the plan-time view.

                Defaults: \(NumberStyle.grouped(Double(defaultRuns))) runs (conditioned: \(NumberStyle.grouped(Double(Analyses.Condition.defaultParticles))) particles in 4 populations); seed 20230817.

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
            try shard.checkOutputs(out: out, xlsx: workbook.xlsx, command: "run")
            if shard.parsed != nil {
                guard precision == nil else { throw ValidationError("--shard needs a fixed --runs, not --precision") }
                guard format == .table else { throw ValidationError("--shard writes a part file and prints nothing: --format has no effect; leave it out") }
            }
            if let precision {
                guard precision > 0, precision < 0.5 else { throw ValidationError("--precision must be between 0 and 0.5 (got \(precision))") }
                guard simulation.runs == nil else { throw ValidationError("give --runs or --precision, not both") }
            }
            guard Analyses.runRange.contains(maxRuns) else { throw ValidationError("--max-runs must be from 1 to 10,000,000 (got \(maxRuns))") }
        }

        func run() throws {
            try reportingFailures {
                let (scenarioText, loaded) = try scenario.loadWithText()
                if let figures = try observed.figures(for: loaded) {
                    try runConditioned(loaded, scenarioText: scenarioText, figures: figures)
                    return
                }
                if let (index, count) = shard.parsed, let out {
                    try ProgressLine.showing("run", quiet: simulation.quiet) { progress in
                        try Analyses.Run(scenario: loaded, runs: simulation.runCount(default: Self.defaultRuns), keep: [])
                            .writePart(shard: index, of: count, simulation.withProgress(progress), origin: try scenario.partOrigin(), into: out)
                    }
                    return
                }
                let analysis = Analyses.Run(
                    scenario: loaded, runs: simulation.runCount(default: Self.defaultRuns), keep: out == nil && workbook.xlsx == nil ? [] : .monthlyQuantiles)
                let (runs, probe, stoppingRule) = try runCount(analysis)
                let (result, runsFile) = try simulate(Analyses.Run(scenario: loaded, runs: runs, keep: analysis.keep), probe: probe)
                try workbook.write(
                    summary: result.summary, monthly: result.monthly, scenario: loaded,
                    provenance: try scenario.provenance(seed: result.seed, figures: nil), labels: language.labels)
                let printed = try render(result, stoppingRule: stoppingRule)
                if let out, let runsFile {
                    try RunOutputs.write(result, runs: runsFile, provenance: try scenario.provenance(seed: result.seed, figures: nil), to: out)
                }
                Console.write(printed)
            }
        }

        /// The run given reported figures: the conditioned forecast, its files and workbook.
        private func runConditioned(_ loaded: Scenario, scenarioText: String, figures: ReportedFigures) throws {
            guard shard.parsed == nil else { throw ValidationError(ObservedOptions.shardRefusal) }
            guard precision == nil else { throw ValidationError("--precision takes no reported figures: give --runs (the particles), or --prior") }
            let result = try observed.condition(loaded, on: figures, simulation: simulation, labels: language.labels)
            try ConditionedOutput(result: result, figures: figures, scenario: scenario, scenarioText: scenarioText, labels: language.labels)
                .deliver(out: out, workbook: workbook, format: format, scenario: loaded, csvIsSummary: true)
        }

        /// How many runs: `--runs` (or the default), or with `--precision` as many as the stopping
        /// rule took — with the result of those runs, and the rule as the header states it.
        private func runCount(_ analysis: Analyses.Run) throws -> (runs: Int, probe: SimulationResult?, stoppingRule: String?) {
            guard let precision else { return (analysis.runs, nil, nil) }
            guard !analysis.scenario.targets.isEmpty else { throw ValidationError("--precision needs a scenario with targets") }
            let (result, reached) = analysis.run(precision: precision, maxRuns: maxRuns, simulation.withProgress())
            if !reached {
                printError(
                    "warning: --max-runs \(NumberStyle.grouped(Double(maxRuns))) reached before every P(met) half-width was ≤ \(formatNumber(precision)); reporting \(NumberStyle.grouped(Double(result.runs))) runs"
                )
            }
            return (result.runs, result, language.labels.stoppingRule(precision: precision, reached: reached))
        }

        /// The simulation of `runs` runs — with `--out`, writing runs.csv as the blocks come, in run
        /// order, keeping nothing of it; without, the stopping rule's own result when there is one.
        private func simulate(_ analysis: Analyses.Run, probe: SimulationResult?) throws -> (SimulationResult, StreamedFile?) {
            try ProgressLine.showing("run", quiet: simulation.quiet) { progress in
                let execution = simulation.withProgress(progress)
                guard let out else { return (probe ?? analysis.run(execution), nil) }
                return try RunOutputs.run(analysis, execution, into: out)
            }
        }

        /// What `run` prints, in `--format`.
        private func render(_ result: SimulationResult, stoppingRule: String?) throws -> String {
            switch format {
            case .table:
                return TerminalReport.render(
                    result.summary, result: result, source: scenario.describedSource(language.labels), labels: language.labels,
                    style: .standardOutput(isTerminal: Console.writesToTerminal, environment: ProcessInfo.processInfo.environment),
                    stoppingRule: stoppingRule, figures: observed.planTimeLine(result.scenario, language.labels))
            case .csv: return SummaryCSV.render(result.summary)
            case .json:
                return try JSONReport.render(
                    result.summary, scenario: result.scenario.name.neutral, runs: result.runs, seed: result.seed,
                    provenance: try scenario.provenance(seed: result.seed, figures: nil))
            }
        }
    }
}
