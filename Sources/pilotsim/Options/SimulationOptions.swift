import ArgumentParser
import Foundation
import PilotWorkflow

/// How many runs, from which seed, on how many threads.
struct SimulationOptions: ParsableArguments {

    // Unconditional, so that `--runs -5` is read as a value and refused as one.
    @Option(parsing: .unconditional, help: "Number of Monte Carlo runs (each command's default is under Defaults in its help).")
    var runs: Int?

    @OptionGroup var execution: ExecutionOptions

    /// The seed (valid once `validate()` has passed).
    var seed: UInt64 { execution.seed }
    var threadCount: Int { execution.threadCount }
    var quiet: Bool { execution.quiet }

    /// What an analysis runs with: the seed and threads, and `progress`'s line as its observer.
    func withProgress(_ progress: ProgressLine? = nil) -> Execution { execution.withProgress(progress) }

    func validate() throws {
        if let runs {
            guard runs >= 1 else { throw ValidationError("--runs must be at least 1 (got \(runs))") }
            guard runs <= Analyses.runRange.upperBound else { throw ValidationError("--runs must be at most 10,000,000 (got \(runs))") }
        }
    }

    /// `--runs`, or the command's default.
    func runCount(default standard: Int) -> Int { runs ?? standard }
}

/// Seed, threads and progress: what every command that draws shares, whatever it counts its
/// work in (runs, particles or Saltelli samples).
struct ExecutionOptions: ParsableArguments {
    @OptionGroup var seedOption: SeedOption

    /// The seed (valid once `validate()` has passed).
    var seed: UInt64 { seedOption.seed }

    @OptionGroup var threads: ThreadsOption

    @Flag(help: "No progress bar (it is shown only when stderr is a terminal anyway).")
    var quiet = false

    var threadCount: Int { threads.count }

    /// What an analysis runs with: the seed and threads, and `progress`'s line as its observer.
    func withProgress(_ progress: ProgressLine? = nil) -> Execution {
        guard let progress else { return Execution(seed: seed, threads: threadCount) }
        return Execution(seed: seed, threads: threadCount, progress: progress.observer)
    }
}

/// `--threads`, shared by every command that computes in parallel (`merge` too, which draws nothing).
struct ThreadsOption: ParsableArguments {
    @Option(name: .customLong("threads"), parsing: .unconditional, help: "Worker threads (default: all cores). Results do not depend on it.")
    var argument: Int?

    func validate() throws {
        if let argument, argument < 1 { throw ValidationError("--threads must be at least 1 (got \(argument))") }
    }

    /// `--threads`, or every core.
    var count: Int { argument ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// `--seed`, shared by every command that draws.
struct SeedOption: ParsableArguments {
    /// The seed used when none is given: the date of the plan, 17 August 2023.
    static let defaultSeed: UInt64 = 20_230_817

    /// `--seed` as typed (nil when not given): read as text, so that `--seed -1` is answered with
    /// the valid range rather than taken for an option.
    @Option(
        name: .customLong("seed"), parsing: .unconditional,
        help: ArgumentHelp(
            "Random seed, a whole number from 0 to \(UInt64.max); the report always prints it (default: \(defaultSeed)).",
            valueName: "seed"))
    var seedArgument: String?

    /// The seed (valid once `validate()` has passed).
    var seed: UInt64 { seedArgument.flatMap { UInt64($0) } ?? Self.defaultSeed }

    func validate() throws {
        if let seedArgument, UInt64(seedArgument) == nil {
            throw ValidationError("--seed must be a whole number from 0 to \(UInt64.max) (got '\(seedArgument)')")
        }
    }
}
