import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses `text` as XML with Foundation's parser; returns the parse error, or `nil` when the
/// document is well-formed. Also collects every element's attributes and all text, for tests.
public final class XMLCheck: NSObject, XMLParserDelegate {
    public private(set) var elements: [(name: String, attributes: [String: String])] = []
    public private(set) var text = ""
    public private(set) var error: Error?
    private let skipped: Set<String>
    private var depthInSkipped = 0

    /// - Parameter skipping: elements whose text is left out of `text` (e.g. `style`, `code`).
    public init(_ document: String, skipping: Set<String> = []) {
        skipped = skipping
        super.init()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? NSError(domain: "XMLCheck", code: 1) }
    }

    public var wellFormed: Bool { error == nil }

    public func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elements.append((elementName, attributeDict))
        if skipped.contains(elementName) { depthInSkipped += 1 }
    }

    public func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if skipped.contains(elementName) { depthInSkipped -= 1 }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        if depthInSkipped == 0 { text += string }
    }

    /// Elements named `name`.
    public func all(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
}
