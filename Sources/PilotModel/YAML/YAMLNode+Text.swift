import Yams

extension YAMLNode {
    /// The document as YAML text, written by libyaml's emitter (through Yams): the same keys in
    /// the same order and the same scalars — those written in quotes still quoted, so still text;
    /// those of several lines as literal blocks — without the comments and layout of the text it
    /// was read from. Read again, it is the same document.
    public func yamlText() throws -> String {
        try Yams.serialize(node: node(flow: false), width: -1, allowUnicode: true)
    }

    /// The node as YAML on one line, in flow style (`{beta: {alpha: 2, beta: 5}}`): a value
    /// `--set KEY.PATH=VALUE` takes.
    public func flowText() throws -> String {
        var text = try Yams.serialize(node: node(flow: true), width: -1, allowUnicode: true)
        while text.last == "\n" { text.removeLast() }
        return text
    }

    private func node(flow: Bool) -> Node {
        switch content {
        case .scalar(let text, let quoted):
            // Text of several lines as a literal block, as people write it (quoted on one line in
            // flow style); quoted text quoted.
            let style: Node.Scalar.Style = text.contains("\n") ? (flow ? .doubleQuoted : .literal) : quoted ? .doubleQuoted : .any
            return .scalar(Node.Scalar(text, .implicit, style))
        case .mapping(let entries):
            return .mapping(Node.Mapping(entries.map { (.scalar(Node.Scalar($0.key)), $0.value.node(flow: flow)) }, .implicit, flow ? .flow : .any))
        case .sequence(let items):
            return .sequence(Node.Sequence(items.map { $0.node(flow: flow) }, .implicit, flow ? .flow : .any))
        }
    }
}
