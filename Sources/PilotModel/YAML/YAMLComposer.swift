internal import CYaml

/// Builds a `YAMLNode` tree from libyaml's event stream (the parser Yams wraps), in one pass and in
/// memory proportional to the text.
///
/// pilotsim composes the events itself, rather than through `Yams.compose`, for three reasons:
/// - **Anchors and aliases are refused at the first one**, before anything is expanded. A composer
///   that resolves aliases lets a "billion laughs" file of a few hundred bytes expand to gigabytes.
/// - **A duplicate key is reported where it is written**, with the line and column of the first.
/// - **Nesting is bounded** (`maximumDepth`), so no input can exhaust the stack of the recursive
///   code that walks the tree.
///
/// Not `Sendable`: one composer reads one text on one thread.
final class YAMLComposer {
    /// The deepest nesting of mappings and lists a scenario may use; the format needs 6.
    static let maximumDepth = 32

    private var parser = yaml_parser_t()
    /// The text's UTF-8 bytes; libyaml reads them in place, so they live as long as the parser.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let locate: (_ line: Int, _ column: Int) -> SourceLocation

    /// - Parameter locate: turns libyaml's 0-based line and column into a location in the source.
    init(text: String, locate: @escaping (_ line: Int, _ column: Int) -> SourceLocation) {
        self.locate = locate
        let utf8 = Array(text.utf8)
        bytes = .allocate(capacity: Swift.max(utf8.count, 1))
        _ = bytes.initialize(from: utf8)
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, utf8.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        bytes.deallocate()
    }

    /// The single document of the text, or `nil` when the text holds no document.
    func document() throws -> YAMLNode? {
        var event = try next()  // stream start
        event.delete()
        event = try next()
        defer { event.delete() }
        guard event.type == YAML_DOCUMENT_START_EVENT else { return nil }
        let root = try node(from: try next(), depth: 0)
        var end = try next()  // document end
        end.delete()
        let after = try next()
        defer {
            var after = after
            after.delete()
        }
        if after.type != YAML_STREAM_END_EVENT {
            throw error(at: after.raw.start_mark, "a second YAML document; expected one scenario per file")
        }
        return root
    }

    // MARK: - Events

    /// One libyaml event; `delete()` frees what libyaml allocated for it.
    private struct Event {
        var raw: yaml_event_t
        var type: yaml_event_type_t { raw.type }
        mutating func delete() { yaml_event_delete(&raw) }
    }

    private func next() throws -> Event {
        var raw = yaml_event_t()
        guard yaml_parser_parse(&parser, &raw) == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
            if parser.error == YAML_READER_ERROR {
                throw ScenarioValidationError([
                    ScenarioDiagnostic(
                        location: locate(0, 0), keyPath: "",
                        message: "unreadable text: \(problem)")
                ])
            }
            throw error(at: parser.problem_mark, "YAML syntax: \(problem)")
        }
        return Event(raw: raw)
    }

    private func error(at mark: yaml_mark_t, _ message: String) -> ScenarioValidationError {
        ScenarioValidationError([ScenarioDiagnostic(location: location(mark), keyPath: "", message: message)])
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation { locate(Int(mark.line), Int(mark.column)) }

    // MARK: - Nodes

    /// The node that starts with `first` (consumed, and freed, here).
    private func node(from first: Event, depth: Int) throws -> YAMLNode {
        var first = first
        defer { first.delete() }
        let here = location(first.raw.start_mark)
        if let anchor = anchorName(first) {
            let kind = first.type == YAML_ALIAS_EVENT ? "alias '*\(anchor)'" : "anchor '&\(anchor)'"
            throw error(at: first.raw.start_mark, "YAML \(kind): anchors and aliases are not supported; write the value out")
        }
        switch first.type {
        case YAML_SCALAR_EVENT:
            let scalar = first.raw.data.scalar
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
            return YAMLNode(content: .scalar(text, quoted: quoted), location: here)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard depth < Self.maximumDepth else {
                throw error(at: first.raw.start_mark, "nested more than \(Self.maximumDepth) levels deep; expected a scenario")
            }
            return first.type == YAML_SEQUENCE_START_EVENT
                ? try sequence(at: here, depth: depth + 1)
                : try mapping(at: here, depth: depth + 1)
        default:
            throw error(at: first.raw.start_mark, "unexpected YAML structure")
        }
    }

    private func sequence(at location: SourceLocation, depth: Int) throws -> YAMLNode {
        var items: [YAMLNode] = []
        while true {
            var event = try next()
            if event.type == YAML_SEQUENCE_END_EVENT {
                event.delete()
                break
            }
            items.append(try node(from: event, depth: depth))
        }
        return YAMLNode(content: .sequence(items), location: location)
    }

    private func mapping(at location: SourceLocation, depth: Int) throws -> YAMLNode {
        var entries: [YAMLNode.MappingEntry] = []
        var firstSeen: [String: SourceLocation] = [:]
        while true {
            var event = try next()
            if event.type == YAML_MAPPING_END_EVENT {
                event.delete()
                break
            }
            let key = try node(from: event, depth: depth)
            guard case .scalar(let name, _) = key.content else {
                throw ScenarioValidationError([
                    ScenarioDiagnostic(
                        location: key.location, keyPath: "",
                        message: "a key must be plain text")
                ])
            }
            if let first = firstSeen[name] {
                throw ScenarioValidationError([
                    ScenarioDiagnostic(
                        location: key.location, keyPath: "",
                        message: "duplicate key '\(name.excerpt)' (first at line \(first.line), column \(first.column)); each key may appear once in a mapping")
                ])
            }
            firstSeen[name] = key.location
            entries.append(.init(key: name, keyLocation: key.location, value: try node(from: try next(), depth: depth)))
        }
        return YAMLNode(content: .mapping(entries), location: location)
    }

    private func anchorName(_ event: Event) -> String? {
        let pointer: UnsafeMutablePointer<yaml_char_t>?
        switch event.type {
        case YAML_ALIAS_EVENT: pointer = event.raw.data.alias.anchor
        case YAML_SCALAR_EVENT: pointer = event.raw.data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: pointer = event.raw.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: pointer = event.raw.data.mapping_start.anchor
        default: pointer = nil
        }
        return pointer.map { String(cString: $0).excerpt }
    }
}
