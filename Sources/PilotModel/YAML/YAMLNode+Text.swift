import Yams

extension YAMLNode {
    /// The document as YAML text, written by libyaml's emitter (through Yams): the same keys in
    /// the same order and the same scalars — those written in quotes still quoted, so still text;
    /// those of several lines as literal blocks — without the comments and layout of the text it
    /// was read from. Read again, it is the same document.
    public func yamlText() throws -> String {
        try Yams.serialize(node: node, width: -1, allowUnicode: true)
    }

    private var node: Node {
        switch content {
        // Text of several lines as a literal block, as people write it; quoted text quoted.
        case .scalar(let text, let quoted): .scalar(Node.Scalar(text, .implicit, text.contains("\n") ? .literal : quoted ? .doubleQuoted : .any))
        case .mapping(let entries): .mapping(Node.Mapping(entries.map { (.scalar(Node.Scalar($0.key)), $0.value.node) }))
        case .sequence(let items): .sequence(Node.Sequence(items.map(\.node)))
        }
    }
}
