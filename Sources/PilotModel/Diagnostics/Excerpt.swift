extension String {
    /// The text as an error message quotes it: at most `Self.excerptLength` characters, the rest
    /// replaced by "…", so that a huge value in a file cannot make a huge error line.
    var excerpt: String {
        count <= Self.excerptLength ? self : String(prefix(Self.excerptLength - 1)) + "…"
    }

    /// How many characters of a value an error message quotes.
    static let excerptLength = 80
}
