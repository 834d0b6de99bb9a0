import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

/// The process exit codes pilotsim promises (sysexits.h where one fits).
enum ExitStatus {
    /// Bad command-line arguments: ArgumentParser's own `ValidationError` exit code.
    static let badArguments = ExitCode.validationFailure
    /// The scenario (file or `--set`) is invalid.
    static let invalidScenario = ExitCode(65)
    /// A part file given to `merge` is damaged, not a part file, or not one of the shards of one
    /// simulation; or a result file given to `report --from` cannot be read back (sysexits'
    /// EX_NOINPUT: an input that cannot be used).
    static let badPart = ExitCode(66)
    static let failure = ExitCode.failure
}

/// Writes a line to standard error.
func printError(_ text: String) {
    Console.writeError(text)
}

/// Runs `body`, turning scenario errors into their diagnostics on stderr and exit code 65, part
/// file and result file errors into theirs and exit code 66, argument errors (and an analysis's
/// inputs it cannot take, and a change reported figures refuse) into an `error:` line and exit
/// code 64, and any other error into an `error:` line and exit code 1 — never a stack trace.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw reported(error) }
}

/// The same for an asynchronous command (`serve`).
func reportingAsyncFailures<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch { throw reported(error) }
}

/// Prints what `error` says and returns the exit code it means.
private func reported(_ error: any Error) -> ExitCode {
    switch error {
    case let error as ScenarioValidationError:
        printError(error.description)
        return ExitStatus.invalidScenario
    case let error as PartFileError:
        printError(error.description)
        return ExitStatus.badPart
    case let error as ResultFileError:
        printError(error.description)
        return ExitStatus.badPart
    case let error as ExitCode:
        return error
    case let error as ValidationError:
        // A problem with the arguments found only once the scenario is known.
        printError("error: \(error.message)")
        return ExitStatus.badArguments
    case let error as AnalysisError:
        printError("error: \(error.message)")
        return ExitStatus.badArguments
    case let refusal as ConditionedSample.Refusal:
        printError("error: \(refusal.message)")
        return ExitStatus.badArguments
    default:
        printError("error: \(error)")
        return ExitStatus.failure
    }
}
