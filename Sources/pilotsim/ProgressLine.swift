import Foundation

/// A one-line progress report with an ETA on standard error, redrawn in place — only when
/// standard error is a terminal, so logs and CI output stay clean.
final class ProgressLine {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let start = Date()

    init(_ label: String, total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.total = total
        self.enabled = enabled
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        let remaining = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let eta = done > 0 ? ", ETA \(Self.clock(remaining))" : ""
        FileHandle.standardError.write(Data("\r\(label): \(done)/\(total)\(eta)   ".utf8))
        if done == total { finish() }
    }

    private func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
