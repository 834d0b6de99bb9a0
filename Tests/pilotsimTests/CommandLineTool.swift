import Foundation

/// The built `pilotsim` executable, run as a user would: arguments in, stdout/stderr/exit code out.
enum CommandLineTool {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `pilotsim` beside the test bundle (`swift test` builds it into the same directory).
    static let executable: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("pilotsim")
    }()

    /// Runs `pilotsim` with `arguments`, `input` on its standard input (none: an empty one).
    static func run(_ arguments: [String], input: Data? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func run(_ arguments: String...) throws -> Output { try run(arguments) }

    /// Starts `pilotsim` with its output discarded, and returns at once.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `pilotsim` with its output discarded; its exit status and peak resident memory in
    /// bytes: the kernel's high-water mark of the process's own memory (VmHWM in
    /// /proc/PID/status), read until it exits. (wait4's ru_maxrss would not do: a child's count
    /// starts from its parent's resident memory at the moment it was spawned.)
    static func runMeasuringPeakMemory(_ arguments: String...) throws -> (status: Int32, peakBytes: Int) {
        try runMeasuringPeakMemory(arguments)
    }

    static func runMeasuringPeakMemory(_ arguments: [String]) throws -> (status: Int32, peakBytes: Int) {
        let process = try start(arguments)
        var peak = 0
        while process.isRunning {
            if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
            {
                peak = max(peak, kilobytes * 1024)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return (process.terminationStatus, peak)
    }

    /// A fresh directory for one test's output files.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pilotsim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
