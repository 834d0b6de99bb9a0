/// A result file (summary.csv, monthly.csv, runs.csv… of `run --out` or `merge`) that cannot be
/// read back: damaged, of another scenario, or not one pilotsim writes. Printed as
/// `FILE:LINE: error: …` (line 0 for the file as a whole).
public struct ResultFileError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public init(_ file: String, line: Int = 0, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): error: \(message)" }
}
