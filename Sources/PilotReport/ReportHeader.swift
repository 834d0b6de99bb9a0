/// The header every terminal report starts with: a bold title, then `key  value` lines with the
/// keys padded to one width (East Asian wide characters count double).
public enum ReportHeader {
    public static func render(title: String, _ lines: [(key: String, value: String)], style: TerminalStyle = .plain) -> [String] {
        let width = lines.map { TextTable.displayWidth($0.key) }.max() ?? 0
        return [style.heading(title)] + lines.map { key, value in
            "  \(key)\(String(repeating: " ", count: width - TextTable.displayWidth(key) + 2))\(value)"
        }
    }
}
