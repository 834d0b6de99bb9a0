import Foundation

/// A figure reported for the pilot: a metric's value at the end of a month, with the relative
/// standard deviation of its reporting error.
public struct Observation: Sendable, Equatable {
    public var month: Month
    public var metric: Metric
    public var value: Double
    /// The relative sd of the reporting error: the figure is taken as the true value times a
    /// lognormal error with this spread (0.05 by default: "about ±5%").
    public var relativeError: Double
    /// Where the row is, for messages about it.
    public var location: SourceLocation
}

/// Reads an observations file: CSV with the header `month,metric,value` or
/// `month,metric,value,rel_error`, one reported figure a row.
public enum ObservationFile {
    /// The reporting error assumed when a row gives none.
    public static let defaultRelativeError = 0.05
    /// The relative errors accepted: below 10⁻⁶ the likelihood is a point mass no sampler can
    /// reach; above 10 a figure says nothing.
    public static let relativeErrorRange: ClosedRange<Double> = 1e-6...10
    /// The largest file read, like a scenario's.
    public static let maximumBytes = YAMLNode.maximumTextBytes

    /// Reads and validates the file at `path` against `scenario` (its metrics and calendar).
    /// - Throws: `ScenarioValidationError` with every problem, each at its file, line and column.
    public static func load(path: String, scenario: Scenario) throws -> [Observation] {
        try loadWithText(path: path, scenario: scenario).observations
    }

    /// The file's text as read (for its hash in a manifest), and its figures.
    public static func loadWithText(path: String, scenario: Scenario) throws -> (text: String, observations: [Observation]) {
        let text = try self.text(path: path)
        return (text, try parse(text, file: path, scenario: scenario))
    }

    /// The text of the file at `path`, read within the size limit.
    public static func text(path: String) throws -> String {
        try readScenarioText(path, expected: "a CSV file of reported figures (month,metric,value[,rel_error])")
    }

    /// The figures as the CSV this reader takes, in their order: what a manifest hashes when the
    /// figures come from a scenario's `observed:` section.
    public static func render(_ observations: [Observation]) -> String {
        (["month,metric,value,rel_error"]
            + observations.map {
                "\($0.month),\($0.metric),\(formatNumber($0.value)),\(formatNumber($0.relativeError))"
            }).joined(separator: "\n") + "\n"
    }

    /// The figures of a CSV text, every problem located by line and column. Long because it is one
    /// pass over the lines that checks each field where it stands (so that a message can name
    /// its column) and collects every problem before throwing.
    public static func parse(_ text: String, file: String, scenario: Scenario) throws -> [Observation] {
        var problems: [ScenarioDiagnostic] = []
        func report(_ line: Int, _ column: Int, _ message: String) {
            problems.append(ScenarioDiagnostic(location: SourceLocation(file: file, line: line, column: column), keyPath: "", message: message))
        }
        guard text.utf8.count <= maximumBytes else {
            report(1, 1, "the file is \(text.utf8.count) bytes; expected at most \(maximumBytes) (4 MiB)")
            throw ScenarioValidationError(problems)
        }
        // Lines end in LF or CRLF (RFC 4180; what Excel saves). Swift reads "\r\n" as one character,
        // so the text is split on its bytes.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
        let header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        guard header == ["month", "metric", "value"] || header == ["month", "metric", "value", "rel_error"] else {
            report(1, 1, "the header is '\(String(lines.first ?? "").excerpt)'; expected month,metric,value or month,metric,value,rel_error")
            throw ScenarioValidationError(problems)
        }
        let metrics = scenario.metrics
        let names = metrics.map(\.description)
        var observations: [Observation] = []
        var seen: [String: Int] = [:]
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = index + 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            // The 1-based column where field k starts.
            let columns = fields.indices.map { k in fields[..<k].reduce(1) { $0 + $1.count + 1 } }
            guard fields.count == header.count || (header.count == 4 && fields.count == 3) else {
                report(number, 1, "\(fields.count) fields; expected \(header.joined(separator: ","))")
                continue
            }
            let monthText = fields[0].trimmingCharacters(in: .whitespaces)
            let metricText = fields[1].trimmingCharacters(in: .whitespaces)
            let valueText = fields[2].trimmingCharacters(in: .whitespaces)
            var ok = true
            let month = Month(monthText)
            if month == nil {
                report(number, columns[0], "'\(monthText.excerpt)' is not a month; expected YYYY-MM")
                ok = false
            } else if !scenario.calendar.contains(month!) {
                report(number, columns[0], "\(monthText) is outside the calendar; expected \(scenario.calendar.start)…\(scenario.calendar.end)")
                ok = false
            }
            let metricIndex = names.firstIndex(of: metricText)
            if metricIndex == nil {
                let hint = closestMatch(to: metricText, in: names).map { "did you mean '\($0)'?" } ?? "expected one of \(names.joined(separator: ", "))"
                report(number, columns[1], "unknown metric '\(metricText.excerpt)'; \(hint)")
                ok = false
            }
            let value = decimalNumber(valueText)
            if value == nil {
                report(number, columns[2], "'\(valueText.excerpt)' is not a number; expected the reported value")
                ok = false
            } else if value! < 0 {
                report(number, columns[2], "\(valueText) is negative; expected a value ≥ 0")
                ok = false
            }
            var relativeError = defaultRelativeError
            if fields.count == 4 {
                let text = fields[3].trimmingCharacters(in: .whitespaces)
                if let r = decimalNumber(text), relativeErrorRange.contains(r) {
                    relativeError = r
                } else if !text.isEmpty {
                    report(
                        number, columns[3],
                        "rel_error '\(text.excerpt)' is not a number in [1e-6, 10]; expected the relative sd of the reporting error, e.g. 0.05")
                    ok = false
                }
            }
            guard ok, let month, let metricIndex, let value else { continue }
            let key = "\(month) \(metricText)"
            if let first = seen[key] {
                report(number, 1, "\(metricText) at \(month) is already given on line \(first); expected each month and metric once")
                continue
            }
            seen[key] = number
            observations.append(
                Observation(
                    month: month, metric: metrics[metricIndex], value: value, relativeError: relativeError,
                    location: SourceLocation(file: file, line: number, column: 1)))
        }
        if observations.isEmpty && problems.isEmpty { report(1, 1, "no observations; expected at least one row after the header") }
        guard problems.isEmpty else { throw ScenarioValidationError(problems) }
        return observations
    }
}
