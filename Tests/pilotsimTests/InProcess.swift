import ArgumentParser
import Foundation

@testable import pilotsim

/// A `pilotsim` command run inside the test process, as `main` runs it: arguments parsed, the
/// command run, an error turned into its message and exit code; what it prints is captured.
/// Tests of signals, standard input, memory and processes that race spawn the executable
/// (`CommandLineTool`) instead.
enum InProcess {
    static func run(_ arguments: [String]) -> CommandLineTool.Output {
        let capture = Console.Capture(arguments: arguments)
        let status: Int32 = Console.$capture.withValue(capture) {
            do {
                var command = try Pilotsim.parseAsRoot(arguments)
                try command.run()
                return 0
            } catch {
                // As ArgumentParser's `exit(withError:)` words and routes it.
                let code = Pilotsim.exitCode(for: error)
                let message = Pilotsim.fullMessage(for: error)
                if !message.isEmpty {
                    if code == .success { Console.write(message + "\n") } else { Console.writeError(message) }
                }
                return code.rawValue
            }
        }
        return CommandLineTool.Output(status: status, stdout: capture.standardOutput, stderr: capture.standardError)
    }

    static func run(_ arguments: String...) -> CommandLineTool.Output { run(arguments) }
}
