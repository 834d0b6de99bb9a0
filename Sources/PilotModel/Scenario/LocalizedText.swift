/// Text that a scenario writes for its readers — its name, description and target labels — in one
/// or several languages: `label: Wallets ≥ 120k` or `label: {en: Wallets ≥ 120k, zh: 钱包数量累计突破12万个}`.
public struct LocalizedText: Hashable, Sendable {
    /// The language codes a scenario may use as keys.
    public static let languages = ["en", "zh"]

    /// The text by language code; plain text (no language named) is kept under `""`.
    public let byLanguage: [String: String]

    /// Plain text, the same in every language.
    public init(_ text: String) { byLanguage = ["": text] }

    /// Text by language code (`en`, `zh`).
    public init(byLanguage: [String: String]) { self.byLanguage = byLanguage }

    /// The text in `language` (a code such as `zh`); where the scenario did not give it, the
    /// plain text, else the English, else any it gave.
    public func text(in language: String) -> String {
        byLanguage[language] ?? byLanguage[""] ?? byLanguage["en"] ?? byLanguage.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// The text for places that have no language of their own (CSV and JSON files): the plain or
    /// the English text.
    public var neutral: String { text(in: "en") }
}
