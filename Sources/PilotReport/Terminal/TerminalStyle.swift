import PilotModel

/// Colour in the terminal: only when writing to a terminal, and never when `NO_COLOR` is set
/// (no-color.org). Verdicts are also spelt out, so nothing depends on the colour.
public struct TerminalStyle: Sendable {
    public let colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// The style for standard output, from the environment.
    public static func standardOutput(isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
        TerminalStyle(colour: isTerminal && environment["NO_COLOR"] == nil)
    }

    public static let plain = TerminalStyle(colour: false)

    /// Green, yellow or red for a verdict.
    public func verdict(_ verdict: Verdict) -> ((String) -> String)? {
        guard colour else { return nil }
        let code: String
        switch verdict {
        case .likely: code = "32"
        case .uncertain: code = "33"
        case .unlikely: code = "31"
        }
        return { "\u{1B}[\(code)m\($0)\u{1B}[0m" }
    }

    /// Bold headings.
    public func heading(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
