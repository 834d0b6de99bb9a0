import Foundation

/// The command line as a shell would take it back, for reports and manifests.
enum CommandLineText {
    /// `pilotsim` and this process's arguments, each quoted when a shell would need it.
    static func current() -> String {
        (["pilotsim"] + Console.arguments).map { argument in
            let safe = argument.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "-_./=:,+@%".unicodeScalars.contains($0)
            }
            return safe && !argument.isEmpty ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
