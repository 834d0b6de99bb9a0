import Foundation

extension DecodingContext {
    /// A finite number written plainly (`0.15`, `2e8`, `-3`).
    func number(_ node: YAMLNode, _ path: String, expected: String = "a number") -> Double? {
        if case .scalar(let text, false) = node.content,
            let value = decimalNumber(text.replacingOccurrences(of: "_", with: ""))
        {
            return value
        }
        report(node, path, "\(describe(node)); expected \(expected)")
        return nil
    }

    /// The largest count GSL's binomial sampler accepts (its `n` is an `unsigned int`).
    static let maximumCount = Int(UInt32.max)

    /// A count: a whole number from 0 to 4,294,967,295.
    func count(_ node: YAMLNode, _ path: String) -> Int? {
        recordNumericPath(path)
        let expected = "a whole number ≥ 0"
        guard let value = number(node, path, expected: expected) else { return nil }
        guard value >= 0, value == value.rounded() else {
            report(node, path, "\(formatNumber(value)) is not a count; expected \(expected)")
            return nil
        }
        guard value <= Double(Self.maximumCount) else {
            report(node, path, "\(formatNumber(value)) is too large; expected a count ≤ \(Self.maximumCount)")
            return nil
        }
        return Int(value)
    }

    /// Plain text (a name, a label, an id).
    func text(_ node: YAMLNode, _ path: String) -> String? {
        if case .scalar(let text, _) = node.content, !text.isEmpty { return text }
        report(node, path, "\(describe(node)); expected text")
        return nil
    }

    /// Text for readers: plain, or a mapping from language codes (`en`, `zh`) to text.
    func localizedText(_ node: YAMLNode, _ path: String) -> LocalizedText? {
        guard case .mapping(let entries) = node.content else { return text(node, path).map(LocalizedText.init) }
        guard MappingReader(node, path: path, context: self, keys: LocalizedText.languages, what: "text by language") != nil else { return nil }
        guard !entries.isEmpty else {
            report(node, path, "no text; expected text, or text by language such as {en: Wallets, zh: 钱包数量}")
            return nil
        }
        var byLanguage: [String: String] = [:]
        for entry in entries where LocalizedText.languages.contains(entry.key) {
            guard let text = text(entry.value, "\(path).\(entry.key)") else { return nil }
            byLanguage[entry.key] = text
        }
        return byLanguage.count == entries.count ? LocalizedText(byLanguage: byLanguage) : nil
    }

    /// An identifier: lower-case letters, digits, `_` and `-`, starting with a letter.
    func identifier(_ node: YAMLNode, _ path: String) -> String? {
        guard let text = text(node, path) else { return nil }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789_-")
        guard let first = text.unicodeScalars.first, CharacterSet.lowercaseLetters.contains(first),
            text.unicodeScalars.allSatisfy(allowed.contains)
        else {
            report(node, path, "'\(text.excerpt)' is not an identifier; expected lower-case letters, digits, '_' or '-', starting with a letter")
            return nil
        }
        return text
    }

    /// A month written `YYYY-MM`.
    func month(_ node: YAMLNode, _ path: String) -> Month? {
        if case .scalar(let text, _) = node.content, let month = Month(text) { return month }
        report(node, path, "\(describe(node)); expected a month written YYYY-MM")
        return nil
    }

    /// A sequence's items, or `nil` after reporting when the node is not a list.
    func list(_ node: YAMLNode, _ path: String, of what: String) -> [YAMLNode]? {
        if case .sequence(let items) = node.content { return items }
        report(node, path, "\(describe(node)); expected a list of \(what)")
        return nil
    }
}
