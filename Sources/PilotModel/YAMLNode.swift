internal import Yams

/// A YAML document as pilotsim reads it: every scalar kept as text, every node with its location.
///
/// Scalars are not typed by YAML's rules (`2023-01` stays text, `yes` is not a boolean); the
/// scenario decoder decides what each key expects and says so when a value does not fit.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        /// A scalar's text; `quoted` when it was written in quotes (and so is text, not a number).
        case scalar(String, quoted: Bool)
        case mapping([MappingEntry])
        case sequence([YAMLNode])
    }

    public struct MappingEntry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLNode
    }

    public var content: Content
    public var location: SourceLocation

    public init(content: Content, location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// Parses the first document of `text`; `file` names it in locations and errors.
    ///
    /// - Throws: `ScenarioValidationError` for a YAML syntax error, a duplicate key, a key that is
    ///   not a scalar, an alias, or an empty document.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0, columnOffset: Int = 0) throws -> YAMLNode {
        let convert = Converter(file: file, lineOffset: lineOffset, columnOffset: columnOffset)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Resolver.basic)
        } catch let error as YamlError {
            throw ScenarioValidationError([convert.diagnostic(for: error)])
        }
        guard let root else {
            throw ScenarioValidationError([ScenarioDiagnostic(
                location: convert.location(nil), keyPath: "", message: "the document is empty; expected a YAML mapping")])
        }
        return try convert.node(root)
    }

    /// The mapping entry named `key`, if this is a mapping that has one.
    public func entry(_ key: String) -> MappingEntry? {
        guard case .mapping(let entries) = content else { return nil }
        return entries.first { $0.key == key }
    }
}

private struct Converter {
    let file: String
    let lineOffset: Int
    let columnOffset: Int

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1 + columnOffset) }
        return SourceLocation(file: file, line: mark.line + lineOffset,
                              column: mark.column + (mark.line == 1 ? columnOffset : 0))
    }

    func node(_ node: Node) throws -> YAMLNode {
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return YAMLNode(content: .scalar(scalar.string, quoted: quoted), location: location(scalar.mark))
        case .sequence(let sequence):
            return YAMLNode(content: .sequence(try sequence.map(self.node)), location: location(sequence.mark))
        case .mapping(let mapping):
            var entries: [YAMLNode.MappingEntry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ScenarioValidationError([ScenarioDiagnostic(
                        location: location(key.mark), keyPath: "", message: "a key must be plain text")])
                }
                entries.append(.init(key: keyScalar.string, keyLocation: location(keyScalar.mark), value: try self.node(value)))
            }
            return YAMLNode(content: .mapping(entries), location: location(mapping.mark))
        case .alias(let alias):
            throw ScenarioValidationError([ScenarioDiagnostic(
                location: location(alias.mark), keyPath: "", message: "YAML aliases are not supported; write the value out")])
        }
    }

    func diagnostic(for error: YamlError) -> ScenarioDiagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ScenarioDiagnostic(location: location(mark), keyPath: "", message: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ScenarioDiagnostic(location: location(context.mark), keyPath: "",
                                      message: "duplicate key \(names); each key may appear once in a mapping")
        case .reader(let problem, _, _, _):
            return ScenarioDiagnostic(location: location(nil), keyPath: "", message: "unreadable text: \(problem)")
        default:
            return ScenarioDiagnostic(location: location(nil), keyPath: "", message: "YAML error: \(error)")
        }
    }
}
