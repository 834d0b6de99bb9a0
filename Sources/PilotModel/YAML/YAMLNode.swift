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

    /// The largest scenario text pilotsim reads: 4 MiB, some 400 times the baseline, enough for
    /// tens of thousands of campaigns, and small enough that no file can exhaust memory.
    public static let maximumTextBytes = 4 << 20

    /// Parses the single document of `text`; `file` names it in locations and errors, and the
    /// offsets place text that was cut out of a longer line (a `--set` value).
    ///
    /// - Throws: `ScenarioValidationError` for a YAML syntax error, a duplicate key, a key that is
    ///   not a scalar, an anchor or alias, nesting deeper than `YAMLComposer.maximumDepth`, a text
    ///   over `maximumTextBytes`, or an empty document.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0, columnOffset: Int = 0) throws -> YAMLNode {
        // libyaml places an error at the end of the text on the line after the last; a location
        // points into the text instead, just after its last character.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lastLine = lines.count - (lines.count > 1 && lines.last!.isEmpty ? 2 : 1)
        let locate = { (line: Int, column: Int) in
            let (line, column) = line > lastLine ? (lastLine, lines[lastLine].count) : (line, column)
            return SourceLocation(file: file, line: line + 1 + lineOffset, column: column + 1 + (line == 0 ? columnOffset : 0))
        }
        guard text.utf8.count <= maximumTextBytes else {
            throw ScenarioValidationError([
                ScenarioDiagnostic(
                    location: locate(0, 0), keyPath: "",
                    message: "the text is \(text.utf8.count) bytes; expected at most \(maximumTextBytes) (4 MiB)")
            ])
        }
        guard let root = try YAMLComposer(text: text, locate: locate).document() else {
            throw ScenarioValidationError([
                ScenarioDiagnostic(
                    location: locate(0, 0), keyPath: "", message: "the document is empty; expected a YAML mapping")
            ])
        }
        return root
    }

    /// The mapping entry named `key`, if this is a mapping that has one.
    public func entry(_ key: String) -> MappingEntry? {
        guard case .mapping(let entries) = content else { return nil }
        return entries.first { $0.key == key }
    }
}
