import Foundation
import PilotWorkflow

/// A progress bar with an ETA on standard error, redrawn in place — only when standard error is a
/// terminal and `--quiet` was not given, and only once the work has taken half a second, so quick
/// commands, logs and CI output stay clean.
///
/// `@unchecked Sendable`: updates come from one thread at a time (a single worker, or the caller).
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private var total: Int
    private let enabled: Bool
    private let start = Date()
    private var drawn = false

    /// - Parameter total: the work's size, if known before it starts (else each update says it).
    init(_ label: String, total: Int = 1, quiet: Bool) {
        self.label = label
        self.total = max(1, total)
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed >= 0.5 || drawn else { return }
        drawn = true
        PendingFiles.progressLineShown(true)
        let fraction = min(1, Double(done) / Double(total))
        let filled = Int((fraction * 24).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 24 - filled)
        let eta = done > 0 ? " ETA \(Self.clock(elapsed / Double(done) * Double(total - done)))" : ""
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(Int(fraction * 100))% \(done)/\(total)\(eta)\u{1B}[K".utf8))
    }

    /// `done` of `total` (a simulation's runs, counting its second pass).
    func update(_ done: Int, of total: Int) {
        self.total = max(1, total)
        update(done)
    }

    /// The line as an analysis's progress observer.
    var observer: Execution.Progress { { [self] done, total in update(done, of: total) } }

    /// `body`'s result, with a progress line labelled `label` shown while it works and cleared after.
    static func showing<T>(_ label: String, quiet: Bool, _ body: (ProgressLine) throws -> T) rethrows -> T {
        let line = ProgressLine(label, quiet: quiet)
        defer { line.finish() }
        return try body(line)
    }

    /// Clears the line, if anything was drawn.
    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        PendingFiles.progressLineShown(false)
    }

    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
