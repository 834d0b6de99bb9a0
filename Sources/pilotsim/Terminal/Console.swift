import Foundation
import PilotWorkflow

/// Where a command writes what it prints: the process's standard output and standard error, or,
/// when a test runs the command inside its own process, a capture of both. One command at a time
/// per task; what a command's worker threads compute comes back to it before anything is written.
enum Console {
    /// What a command run in-process printed, and the arguments it was given.
    final class Capture: @unchecked Sendable {
        let arguments: [String]
        private let lock = NSLock()
        private var out = "", err = ""

        init(arguments: [String]) { self.arguments = arguments }

        var standardOutput: String { lock.withLock { out } }
        var standardError: String { lock.withLock { err } }

        fileprivate func append(_ text: String, error: Bool) {
            lock.withLock { if error { err += text } else { out += text } }
        }
    }

    /// The capture of the command running in this task, if a test runs it in-process.
    @TaskLocal static var capture: Capture?

    /// Writes `text` to standard output as it is (no newline added).
    static func write(_ text: String) {
        if let capture { capture.append(text, error: false) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    /// Writes `text` and a newline to standard error.
    static func writeError(_ text: String) {
        if let capture { capture.append(text + "\n", error: true) } else { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    }

    /// Whether standard output is a terminal (never for a capture): the terminal report's colours depend on it.
    static var writesToTerminal: Bool { capture == nil && isatty(STDOUT_FILENO) == 1 }

    /// The command's arguments, without the program's name.
    static var arguments: [String] { capture?.arguments ?? Array(CommandLine.arguments.dropFirst()) }

    /// Writes `contents` as the one output file `path`, or to standard output when `path` is `-`.
    /// Returns whether it went to standard output (the command then prints nothing else there).
    static func writeOne(_ contents: String, to path: String) throws -> Bool {
        guard path != "-" else {
            write(contents)
            return true
        }
        try OutputFiles(path: path, contents: contents).write()
        return false
    }
}
