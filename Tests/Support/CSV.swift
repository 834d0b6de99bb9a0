/// Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF line ends) into rows of fields.
public func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = ""
    var quoted = false, afterQuote = false
    var iterator = text.makeIterator()
    while let c = iterator.next() {
        if quoted {
            if c == "\"" {
                quoted = false
                afterQuote = true
            } else {
                field.append(c)
            }
            continue
        }
        switch c {
        case "\"":
            if afterQuote { field.append("\"") }  // a doubled quote inside a quoted field
            quoted = true
            afterQuote = false
        case ",":
            row.append(field)
            field = ""
            afterQuote = false
        case "\r\n", "\n", "\r":
            row.append(field)
            rows.append(row)
            row = []
            field = ""
            afterQuote = false
        default:
            field.append(c)
            afterQuote = false
        }
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}
