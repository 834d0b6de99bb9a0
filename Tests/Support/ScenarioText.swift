import Foundation

/// A small valid scenario for tests, one key per line so that tests can predict line numbers.
/// Line numbers of notable keys are given in `ScenarioText.line`.
public enum ScenarioText {
    public static let minimal = """
        name: test
        calendar:
          start: 2023-01
          end: 2025-12
        wallets:
          personal:
            population: 1000
            innovation: 0.05
            imitation: 0.1
            merchant_pull: 0.02
            active_share: 0.1
            tx_per_active: 4
            nonmerchant_share: 0.5
            ticket: {mean: 100, cv: 1}
          corporate:
            population: 100
            innovation: 0.01
            imitation: 0.02
            merchant_pull: 0.01
            active_share: 0.2
            tx_per_active: 3
            ticket: {mean: 1000, cv: 1}
        merchants:
          potential: 200
          outreach: 0.03
          wallet_pull: 0.05
          churn: 0.01
        targets:
          - {id: w, metric: wallets, by: 2023-12, at_least: 500}

        """

    /// `minimal` with the line that starts with `prefix` (after indentation) replaced by `line`,
    /// keeping the original indentation.
    public static func replacing(_ prefix: String, with line: String, in text: String = minimal) -> String {
        var lines = text.components(separatedBy: "\n")
        let i = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }!
        let indent = lines[i].prefix { $0 == " " }
        lines[i] = indent + line
        return lines.joined(separator: "\n")
    }
}

/// A path inside the repository, from this source file's location.
public func repositoryPath(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(relative).path
}
