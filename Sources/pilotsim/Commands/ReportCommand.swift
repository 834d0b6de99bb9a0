import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Report: ParsableCommand {
        /// The runs (a point, a setting) when `--runs` is not given, as the help says.
        static let defaultRuns = 10_000

        static let configuration = CommandConfiguration(
            abstract: "Write a self-contained HTML report with charts, in English or Chinese.",
            discussion: """
                One HTML file that opens anywhere (no scripts, nothing fetched): the targets with verdicts and \
                intervals, fan charts of wallets, merchants and amount, a histogram per target, the per-stage table, \
                every uncertain assumption, and with --tornado the tornado charts. With --from DIR it draws the report \
                (and prints the terminal table) from the outputs of 'run --out DIR' or 'merge --out DIR' without \
                simulating again; give the scenario they were simulated from.

                Defaults: \(NumberStyle.grouped(Double(defaultRuns))) runs; report.html.

                Examples:
                  pilotsim report --lang zh --out 报告.html
                  pilotsim report --tornado --explain --compare scenarios/haimen-optimistic.yaml
                  pilotsim report --from merged --xlsx report.xlsx
                """)

        @OptionGroup var scenario: ScenarioOptions
        @OptionGroup var simulation: SimulationOptions

        @OptionGroup var language: LanguageOption

        @Option(help: "The HTML file to write.", completion: .file(extensions: ["html"]))
        var out: String = "report.html"

        @Option(help: "Also write every chart as a standalone SVG file into this directory.", completion: .directory)
        var svgDir: String?

        @Flag(help: "Include tornado charts (two simulations per uncertain parameter).")
        var tornado = false

        @OptionGroup var quantiles: TornadoQuantiles

        @Option(help: "Add a section comparing this plan (scenario B) with the report's scenario (A), same seed and run indices. See 'pilotsim compare'.")
        var compare: String?

        @Flag(help: "Add, per target, the empirical CDFs of its two most decisive inputs in runs that met and missed it. See 'pilotsim explain'.")
        var explain = false

        @OptionGroup var observed: ObservedOptions

        @OptionGroup var workbook: WorkbookOption

        @Flag(help: "Add, per target, a chart of its Sobol indices (first-order and total, with intervals). See 'pilotsim sobol'.")
        var sobol = false

        @Option(help: "N, the rows of each Saltelli matrix of --sobol (100 to 1,000,000).")
        var sobolSamples: Int = 1000

        @Option(
            help: ArgumentHelp(
                "Add, per target, a chart of P(met) across a sweep: KEY.PATH=SPEC as sweep --vary; once for a line, twice for lines of a grid. See 'pilotsim sweep'.",
                valueName: "KEY.PATH=SPEC"))
        var sweep: [String] = []

        @Option(help: "Runs at each point of --sweep.")
        var sweepRuns: Int = 2000

        @Option(
            help: ArgumentHelp(
                "Draw the report from the outputs of run --out or merge in DIR instead of simulating (the scenario argument must be theirs).",
                valueName: "DIR"), completion: .directory)
        var from: String?

        @Option(
            help:
                "Runs per tornado simulation (default: the report's runs, at most 100,000, so that its \"nothing pinned\" line is the targets table's P(met)).")
        var tornadoRuns: Int?

        /// The most runs whose every value the report keeps, for its histograms, explanation and
        /// comparison (about 50 MB for the baseline); a larger `--runs` streams the tables over
        /// every run and draws those sections from the first `perRunLimit` runs, so that memory
        /// stays bounded like `run`'s.
        static let perRunLimit = 100_000

        func validate() throws {
            if from != nil {
                let simulating = [
                    simulation.runs != nil ? "--runs" : nil, simulation.execution.seedOption.seedArgument != nil ? "--seed" : nil,
                    scenario.overrides.isEmpty ? nil : "--set", tornado ? "--tornado" : nil, tornadoRuns != nil ? "--tornado-runs" : nil,
                    compare != nil ? "--compare" : nil, observed.observed != nil ? "--observed" : nil, observed.prior ? "--prior" : nil,
                    sobol ? "--sobol" : nil, sweep.isEmpty ? nil : "--sweep",
                ].compactMap { $0 }
                if let first = simulating.first {
                    throw ValidationError(
                        "--from draws on results already simulated (their runs, seed and --set are in its manifest.json); "
                            + "\(first) asks for a simulation: leave it out, or report without --from")
                }
            }
            if out == "-" && svgDir != nil { throw ValidationError("--out - writes the HTML to standard output; --svg-dir needs it written to a file") }
            guard Analyses.Sobol.sampleRange.contains(sobolSamples) else {
                throw ValidationError("--sobol-samples must be from 100 to 1,000,000 (got \(sobolSamples))")
            }
            guard sweep.count <= 2 else { throw ValidationError("give --sweep once for a line or twice for a grid (got \(sweep.count))") }
            guard Analyses.runRange.contains(sweepRuns) else { throw ValidationError("--sweep-runs must be from 1 to 10,000,000 (got \(sweepRuns))") }
            var points = 1
            for argument in sweep {
                points *= try VaryArgument(argument, option: "--sweep").sweepAxis(option: "--sweep").values.count
                guard points <= Simulator.Sweep.maximumPoints else {
                    throw ValidationError("--sweep makes \(points) points or more; expected at most \(Simulator.Sweep.maximumPoints)")
                }
            }
            if let tornadoRuns, !Analyses.runRange.contains(tornadoRuns) {
                throw ValidationError("--tornado-runs must be from 1 to 10,000,000 (got \(tornadoRuns))")
            }
        }

        func run() throws {
            try reportingFailures {
                if let from {
                    try reportFrom(from)
                    return
                }
                let loaded = try scenario.load()
                let result: SimulationResult
                var perRun: SimulationResult?
                let summary: SimulationSummary
                var conditioning: (report: ConditionReport, priorMonthly: [MonthlyQuantiles])?
                var sample: ConditionedSample?
                var figuresLine = observed.planTimeLine(loaded, language.labels)
                let figures = try observed.figures(for: loaded)
                if let figures {
                    figuresLine = figures.description(language.labels)
                    let conditioned = try observed.condition(loaded, on: figures, simulation: simulation, labels: language.labels)
                    result = conditioned.posterior
                    summary = conditioned.summary
                    conditioning = (ConditionReport(conditioned), conditioned.prior.monthly)
                    sample = conditioned.sample
                } else {
                    let runs = simulation.runCount(default: Self.defaultRuns)
                    // Every run's values are kept for the per-run sections up to `perRunLimit` runs;
                    // beyond, the tables stream over every run and those sections use the first runs.
                    let keepsEveryRun = runs <= Self.perRunLimit
                    let analysis = Analyses.Run(
                        scenario: loaded, runs: runs, keep: keepsEveryRun ? [.parameterValues, .targetValues, .monthlyQuantiles] : [.monthlyQuantiles])
                    result = ProgressLine.showing("report", quiet: simulation.quiet) { analysis.run(simulation.withProgress($0)) }
                    summary = result.summary
                    if !keepsEveryRun {
                        perRun = Analyses.Run(scenario: loaded, runs: Self.perRunLimit, keep: [.parameterValues, .targetValues]).run(simulation.withProgress())
                    }
                }
                try write(
                    HTMLReport(
                        result: result, perRun: perRun, summary: summary, monthly: result.monthly,
                        tornado: try tornadoBars(loaded, sample: sample, runs: min(result.runs, Self.perRunLimit)),
                        labels: language.labels, commandLine: CommandLineText.current(), generated: Date(),
                        source: scenario.describedSource(language.labels), conditioning: conditioning,
                        comparison: try comparison(with: perRun ?? result, sample: sample),
                        explanation: explanation(perRun ?? result), figures: figuresLine, sobol: try sobolIndices(loaded, sample: sample),
                        sweep: try sweepPoints(sample: sample)),
                    provenance: try scenario.provenance(seed: simulation.seed, figures: figures))
            }
        }

        /// With `--explain`: each target's Monte Carlo filtering of the runs the per-run sections use.
        private func explanation(_ runs: SimulationResult) -> [MonteCarloFiltering]? {
            explain ? runs.scenario.targets.indices.map { MonteCarloFiltering(runs, target: $0) } : nil
        }

        /// Writes the report's HTML (or to standard output with `--out -`), its charts with
        /// `--svg-dir` and its workbook with `--xlsx`; prints the HTML's path.
        private func write(_ report: HTMLReport, provenance: @autoclosure () throws -> Provenance) throws {
            try workbook.write(
                summary: report.summary, monthly: report.monthly, scenario: report.scenario, provenance: try provenance(),
                labels: language.labels, targetValues: report.perRun.targetValues)
            let charts = report.charts()
            if out == "-", try Console.writeOne(report.html(charts: charts), to: out) { return }
            var files = OutputFiles(path: out, contents: report.html(charts: charts))
            if let svgDir { files.add(directory: svgDir, files: charts.map { ($0.name, $0.svg) }) }
            try files.write()
            Console.write(out + "\n")
        }

        /// `--from DIR`: the report of results already simulated, and the terminal table `run`
        /// would have printed for them (unless the HTML goes to standard output).
        private func reportFrom(_ directory: String) throws {
            let document = try scenario.document()
            let read = try ResultDirectory(directory, document: document, documentName: scenario.sourceName(), perRunLimit: Self.perRunLimit)
            let labels = language.labels, observations = read.scenario.observations.count
            let figures = observations == 0 ? labels.condition.noFigures : labels.condition.figuresIgnored(observations)
            // The document's SHA-256 is the manifest's (ResultDirectory checked it).
            let source = scenario.describedSource(labels, overrides: read.manifest.provenance.overrides)
            let result = read.result
            if out != "-" {
                Console.write(
                    TerminalReport.render(
                        result.summary, result: result, source: source, labels: labels,
                        style: .standardOutput(isTerminal: Console.writesToTerminal, environment: ProcessInfo.processInfo.environment),
                        figures: figures))
            }
            try write(
                HTMLReport(
                    result: result, summary: result.summary, monthly: result.monthly, tornado: nil, labels: labels,
                    commandLine: CommandLineText.current(), generated: Date(), source: source, explanation: explanation(result), figures: figures),
                provenance: Provenance(
                    commandLine: CommandLineText.current(), scenario: read.manifest.provenance.scenario, scenarioText: document.text,
                    overrides: read.manifest.provenance.overrides, observed: nil, seed: read.manifest.provenance.seed))
        }
    }
}
