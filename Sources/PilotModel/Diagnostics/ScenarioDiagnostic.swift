/// One problem found in a scenario, printed like a compiler error:
/// `FILE:LINE:COL: error: KEY.PATH: what is wrong; what was expected`.
public struct ScenarioDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// The key path of the offending value, e.g. `wallets.personal.imitation`; empty for the document.
    public var keyPath: String
    public var message: String

    public init(location: SourceLocation, keyPath: String, message: String) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        keyPath.isEmpty
            ? "\(location): error: \(message)"
            : "\(location): error: \(keyPath.excerpt): \(message)"
    }
}

/// All problems found in a scenario; thrown when there is at least one.
public struct ScenarioValidationError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ScenarioDiagnostic]

    public init(_ diagnostics: [ScenarioDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
