/// Columns padded to their widest cell, for the terminal. Widths count East Asian wide characters
/// as two columns, so Chinese labels line up; a cell may be decorated (coloured) after padding.
public struct TextTable {
    public enum Alignment: Sendable { case left, right }

    private let columns: [(title: String, alignment: Alignment)]
    private var rows: [(cells: [String], decorations: [Int: (String) -> String])] = []

    public init(_ columns: [(String, Alignment)]) {
        self.columns = columns.map { (title: $0.0, alignment: $0.1) }
    }

    /// Appends a row; `decorations[c]` wraps column c's padded text (e.g. in a colour).
    public mutating func append(_ row: [String], decorations: [Int: (String) -> String] = [:]) {
        rows.append((row, decorations))
    }

    public func render(indent: String = "  ") -> String {
        let all = [(columns.map(\.title), [Int: (String) -> String]())] + rows.map { ($0.cells, $0.decorations) }
        let widths = columns.indices.map { c in all.map { Self.displayWidth($0.0[c]) }.max() ?? 0 }
        return all.map { row, decorations in
            var line =
                indent
                + columns.indices.map { c in
                    let padding = String(repeating: " ", count: widths[c] - Self.displayWidth(row[c]))
                    let padded = columns[c].alignment == .left ? row[c] + padding : padding + row[c]
                    return decorations[c].map { $0(padded) } ?? padded
                }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Terminal columns taken by `text`: two for East Asian wide and full-width characters.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
                return width + 2
            default:
                return width + 1
            }
        }
    }
}
