/// The language of a report's labels and number units.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case chinese = "zh"

    /// The label table of this language.
    public var labels: Labels {
        switch self {
        case .english: return .english
        case .chinese: return .chinese
        }
    }
}
