import Foundation

/// A command line as a shell takes it back, for reports, manifests and the desk's "same numbers
/// from the command line".
public enum ShellWords {
    /// `words` joined by spaces, each quoted when a shell would need it.
    public static func join(_ words: [String]) -> String {
        words.map { word in
            let safe = word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:,+@%".unicodeScalars.contains($0) }
            return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
