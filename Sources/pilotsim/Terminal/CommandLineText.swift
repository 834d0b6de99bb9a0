import Foundation
import PilotReport

/// The command line as a shell would take it back, for reports and manifests.
enum CommandLineText {
    /// `pilotsim` and this process's arguments, each quoted when a shell would need it.
    static func current() -> String { ShellWords.join(["pilotsim"] + Console.arguments) }
}
