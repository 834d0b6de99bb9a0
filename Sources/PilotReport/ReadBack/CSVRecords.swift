/// The records of a CSV document as `CSVTable` writes it (RFC 4180: quoted fields, doubled
/// quotes, CRLF line ends), each with the line it starts on, for reading result files back.
public struct CSVRecords {
    public struct Record {
        public let line: Int
        public let fields: [String]
    }

    public let records: [Record]

    /// Parses `text`; an unterminated quote or a bare CR is refused with its line.
    public init(_ text: String, file: String) throws {
        var records: [Record] = [], fields: [String] = [], field: [UInt8] = []
        var line = 1, start = 1, quoted = false
        let bytes = Array(text.utf8)
        var i = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
        }
        while i < bytes.count {
            let byte = bytes[i]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): quoted = true
                case UInt8(ascii: ","): endField()
                case UInt8(ascii: "\r"):
                    guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") else { throw ResultFileError(file, line: line, "a CR without LF") }
                case UInt8(ascii: "\n"):
                    endField()
                    records.append(Record(line: start, fields: fields))
                    fields = []
                    line += 1
                    start = line
                default: field.append(byte)
                }
            }
            i += 1
        }
        guard !quoted else { throw ResultFileError(file, line: start, "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            records.append(Record(line: start, fields: fields))
        }
        self.records = records
    }
}
