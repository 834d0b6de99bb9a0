import Foundation

/// A CSV document per RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted
/// and their quotes doubled; numbers with '.' decimals and no grouping.
public struct CSVTable {
    public private(set) var text: String

    public init(header: [String]) {
        text = ""
        append(header)
    }

    public mutating func append(_ fields: [String]) {
        text += Self.line(fields)
    }

    /// One record with its line end.
    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }

    public static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
