/// Columns padded to their widest cell, for the terminal report.
struct TextTable {
    enum Alignment { case left, right }

    let columns: [(title: String, alignment: Alignment)]
    private var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        self.columns = columns.map { (title: $0.0, alignment: $0.1) }
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    func render(indent: String = "  ") -> String {
        let all = [columns.map(\.title)] + rows
        let widths = columns.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            indent + columns.indices.map { c in
                let padding = String(repeating: " ", count: widths[c] - row[c].count)
                return columns[c].alignment == .left ? row[c] + padding : padding + row[c]
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
