import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Compare: ParsableCommand {
        /// The runs (a point, a setting) when `--runs` is not given, as the help says.
        static let defaultRuns = Analyses.Compare.defaultRuns

        static let configuration = CommandConfiguration(
            abstract: "Compare two plans target by target: P(met) under A and B, the paired difference and its interval.",
            discussion: """
                A and B are scenario files (A defaults to the embedded baseline; B defaults to A). --set changes both, \
                --b-set only B: 'pilotsim compare --b-set campaigns[0].winners=40000' asks what a bigger voucher round \
                would change. Both are simulated with the same seed and run indices, so the assumptions they share draw \
                the same values in every run and the difference is the effect of the change, not noise.

                Defaults: \(NumberStyle.grouped(Double(defaultRuns))) runs (with reported figures: \(NumberStyle.grouped(Double(Analyses.Condition.defaultParticles))) particles).

                Examples:
                  pilotsim compare --b-set campaigns[0].winners=40000
                  pilotsim compare scenarios/haimen-baseline.yaml scenarios/haimen-optimistic.yaml --prior --format csv
                """)

        @Argument(help: "Scenario A (default: the embedded Haimen baseline).", completion: .file(extensions: ["yaml", "yml"]))
        var a: String?

        @Argument(help: "Scenario B (default: A).", completion: .file(extensions: ["yaml", "yml"]))
        var b: String?

        @Option(
            name: .customLong("set"), help: ArgumentHelp("Override a value in both scenarios (KEY.PATH=YAML_VALUE). Repeatable.", valueName: "KEY.PATH=VALUE"))
        var overrides: [String] = []

        @Option(name: .customLong("b-set"), help: ArgumentHelp("Override a value in B only. Repeatable.", valueName: "KEY.PATH=VALUE"))
        var bOverrides: [String] = []

        @OptionGroup var simulation: SimulationOptions

        @Option(help: "What to print: the readable table, CSV, or one JSON object.")
        var format: Run.Format = .table

        @Option(
            help:
                "Also write target_id,p_a,p_b,diff,diff_low,diff_high,only_a,only_b,median_diff,median_diff_low,median_diff_high to this file (with --shard: the directory of the part file).",
            completion: .file())
        var out: String?

        @OptionGroup var language: LanguageOption

        @OptionGroup var observed: ObservedOptions

        @OptionGroup var workbook: WorkbookOption

        @OptionGroup var shard: ShardOption

        func validate() throws {
            try shard.checkOutputs(out: out, xlsx: workbook.xlsx, command: "compare")
        }

        func run() throws {
            try reportingFailures {
                let both = try overrides.map { try ScenarioOverride($0, source: "--set") }
                let documentA = try a.map { try ScenarioDocument(path: $0) } ?? ScenarioDocument.baseline()
                let documentB = try b.map { try ScenarioDocument(path: $0) }
                // B's file travels in a part as its text, so that merge makes B again.
                let sourceB = b.flatMap { path in documentB.map { CarriedFile(name: ScenarioDocument.fileName(path), text: $0.text) } }
                let inputs = Analyses.Compare.Inputs(runs: simulation.runCount(default: Self.defaultRuns), b: sourceB, bOverrides: bOverrides)
                var analysis = try Analyses.Compare(document: documentA, overrides: both, inputs: inputs)
                let scenarioA = analysis.a
                if let (index, count) = shard.parsed, let out {
                    try observed.refuseInShard(scenarioA)
                    let origin = PartOrigin(
                        commandLine: CommandLineText.current(), scenario: a ?? Scenario.baselineFileName, scenarioText: documentA.text,
                        overrides: overrides)
                    try analysis.writePart(shard: index, of: count, simulation.withProgress(), origin: origin, into: out)
                    return
                }
                let labels = language.labels
                var figuresLine = observed.planTimeLine(scenarioA, labels)
                var provenance: (source: String, sha256: String)?
                // With reported figures (A's), both plans run on A's conditioned particles: B may
                // change only what acts after the last reported month.
                if let figures = try observed.figures(for: scenarioA) {
                    analysis.sample = try observed.condition(scenarioA, on: figures, simulation: simulation, labels: labels).sample
                    figuresLine = figures.description(labels)
                    provenance = figures.provenance
                }
                let runs = analysis.runCount
                let comparison = try ProgressLine.showing("compare", quiet: simulation.quiet) {
                    try analysis.run(simulation.withProgress($0))
                }
                // Each plan named with its text's SHA-256 and its overrides.
                func name(_ path: String?, _ document: ScenarioDocument, _ sets: [String]) -> String {
                    ContentDigest.named(path ?? "\(Scenario.baselineFileName) (\(language.labels.embedded))", text: document.text)
                        + sets.map { " · \($0)" }.joined()
                }
                let nameA = name(a, documentA, overrides.map { "--set \($0)" })
                let nameB = name(b ?? a, documentB ?? documentA, overrides.map { "--set \($0)" } + bOverrides.map { "--b-set \($0)" })
                let origin = Provenance(
                    commandLine: CommandLineText.current(), scenario: a ?? Scenario.baselineFileName, scenarioText: documentA.text,
                    overrides: overrides, observed: provenance, seed: simulation.seed)
                try workbook.write { try ExcelReport.comparison(comparison, a: nameA, b: nameB, provenance: origin, labels: labels) }
                if let out, try Console.writeOne(CompareReport.csv(comparison), to: out) { return }
                switch format {
                case .table:
                    Console.write(
                        CompareReport.table(comparison, a: nameA, b: nameB, runs: runs, seed: simulation.seed, labels: labels, figures: figuresLine))
                case .csv: Console.write(CompareReport.csv(comparison))
                case .json:
                    Console.write(
                        try CompareReport.json(
                            comparison, a: nameA, b: nameB, runs: runs, seed: simulation.seed, observed: provenance,
                            provenance: origin))
                }
            }
        }
    }
}
