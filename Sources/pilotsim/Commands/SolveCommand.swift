import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Solve: ParsableCommand {
        /// The runs (a point, a setting) when `--runs` is not given, as the help says.
        static let defaultRuns = Analyses.Solve.defaultRuns

        static let configuration = CommandConfiguration(
            abstract: "The value of one scenario number at which a target's P(met) reaches a probability.",
            discussion: """
                --vary names a parameter (pinned to a constant), one stage's value, a count such as campaigns[0].winners \
                (give LOW:HIGH), or a target's threshold (targets.wallets-2023.at_least: "which goal is 80% safe?"). \
                Every value is simulated with the same seed and run indices; the answer comes with an interval from the \
                Monte Carlo error, and a range where P(met) never reaches the probability, or turns back, is reported as such.

                Defaults: \(NumberStyle.grouped(Double(defaultRuns))) runs a point.

                Examples:
                  pilotsim solve --target wallets-2023 --probability 0.8 --vary targets.wallets-2023.at_least
                  pilotsim solve --target merchants-2023 --probability 0.9 --vary merchants.outreach.launch=0.01:0.1
                """)

        @OptionGroup var scenario: ScenarioOptions
        @OptionGroup var simulation: SimulationOptions

        @Option(help: "The target's id, e.g. wallets-2023.")
        var target: String

        @Option(help: "The P(met) to reach, between 0 and 1 (e.g. 0.8).")
        var probability: Double

        @Option(help: ArgumentHelp("KEY.PATH or KEY.PATH=LOW:HIGH: the number to solve for, and where to look.", valueName: "KEY.PATH[=LOW:HIGH]"))
        var vary: String

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

        @Option(help: "What to print: the readable result, or CSV.")
        var format: Format = .table

        @OptionGroup var language: LanguageOption

        @Option(
            help: "Also write target_id,path,probability,outcome,value,… (the CSV) to this file (with --shard: the directory of the part file).",
            completion: .file())
        var out: String?

        @OptionGroup var shard: ShardOption

        func validate() throws {
            try shard.checkOutputs(out: out, command: "solve")
            guard probability > 0, probability < 1 else { throw ValidationError("--probability must be between 0 and 1 (got \(probability))") }
            _ = try parsedVary()
        }

        /// The path and the range, if given.
        func parsedVary() throws -> (path: String, range: ClosedRange<Double>?) {
            let argument = try VaryArgument(vary, option: "--vary")
            return (argument.path, try argument.solveRange(option: "--vary"))
        }

        @OptionGroup var observed: ObservedOptions

        func run() throws {
            try reportingFailures {
                let (path, range) = try parsedVary()
                let solver: Solver
                do {
                    solver = try Solver(
                        document: try scenario.document(), overrides: try scenario.parsedOverrides(), path: path, range: range,
                        targetID: target, probability: probability)
                } catch let error as SweepPathError {
                    throw ValidationError(Pilotsim.Sweep.message(error))
                } catch SolveError.unknownTarget(let id, let known) {
                    throw ValidationError("--target \(id): no such target; expected one of \(known.joined(separator: ", "))")
                } catch SolveError.rangeNeeded(let path) {
                    throw ValidationError("--vary \(path): a count has no natural range; give one, e.g. --vary \(path)=0:100000")
                }
                if let (index, count) = shard.parsed, let out {
                    // Each shard evaluates its values of the coarse grid; merge brackets and bisects.
                    try observed.refuseInShard(try scenario.load())
                    try Analyses.Solve(solver: solver, runs: simulation.runCount(default: Self.defaultRuns))
                        .writePart(shard: index, of: count, simulation.withProgress(), origin: try scenario.partOrigin(), into: out)
                    return
                }
                let (sample, figures) = try observed.sample(for: try scenario.load(), simulation: simulation, labels: language.labels)
                let analysis = Analyses.Solve(solver: solver, runs: simulation.runCount(default: Self.defaultRuns), sample: sample)
                let runs = analysis.runCount
                let (outcome, spent) = try analysis.run(simulation.withProgress())
                if let out, try Console.writeOne(SolveReport.csv(solver, outcome, targetID: target, runsSpent: spent), to: out) { return }
                switch format {
                case .table:
                    Console.write(
                        SolveReport.table(
                            solver, outcome, runsSpent: spent, runs: runs, seed: simulation.seed,
                            source: scenario.describedSource(language.labels), labels: language.labels, figures: figures))
                case .csv: Console.write(SolveReport.csv(solver, outcome, targetID: target, runsSpent: spent))
                }
            }
        }
    }
}
