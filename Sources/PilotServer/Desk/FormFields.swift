import Foundation

/// The fields of an `application/x-www-form-urlencoded` text — a page's query or a form's body —
/// in their order: `+` is a space, `%XX` a byte, names decoded like values (HTML forms encode
/// `set.campaigns[0].winners` as `set.campaigns%5B0%5D.winners`).
enum FormFields {
    /// The fields, or nil when one is not percent-encoded UTF-8.
    static func parse(_ text: String) -> [(String, String)]? {
        var fields: [(String, String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = parts.count > 1 ? decode(parts[1]) : "" else { return nil }
            fields.append((name, value))
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// `fields` as a query (for links that ask the same again): every byte outside the unreserved
    /// set percent-encoded.
    static func query(_ fields: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}
