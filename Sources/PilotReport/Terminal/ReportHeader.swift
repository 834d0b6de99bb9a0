/// The header every terminal report starts with: a bold title, then `key  value` lines with the
/// keys padded to one width (East Asian wide characters count double).
public enum ReportHeader {
    public static func render(title: String, _ lines: [(key: String, value: String)], style: TerminalStyle = .plain) -> [String] {
        let width = lines.map { TextTable.displayWidth($0.key) }.max() ?? 0
        // The title names the program with its version: "pilotsim 0.7.0 — …", "pilotsim 0.7.0 explain".
        let title = title.hasPrefix("pilotsim") ? "pilotsim \(PilotsimVersion.current)" + title.dropFirst("pilotsim".count) : title
        return [style.heading(title)]
            + lines.map { key, value in
                "  \(key)\(String(repeating: " ", count: width - TextTable.displayWidth(key) + 2))\(value)"
            }
    }

    /// The header's line about reported figures (conditioned on them, none, or ignored), or no
    /// line when the caller says nothing of them.
    static func figuresRow(_ figures: String?, _ labels: Labels) -> [(String, String)] {
        figures.map { [(labels.condition.observationsFile, $0)] } ?? []
    }
}
