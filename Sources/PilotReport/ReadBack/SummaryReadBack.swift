import PilotModel
import Simulator

/// A simulation's summary read back from summary.csv, joint.csv and stages.csv, checked against
/// the scenario: one row per target (and per stage and headline metric) in the scenario's order,
/// every number one a simulation of `runs` runs writes. Counts are recovered from the shares
/// (p × runs is whole); intervals and verdicts are computed again from them, as the simulation
/// computed them, and must agree with the file.
public struct SummaryReadBack {
    let scenario: Scenario
    let runs: Int

    public init(scenario: Scenario, runs: Int) {
        self.scenario = scenario
        self.runs = runs
    }

    /// The summary of the three files' texts, named `files` (summary, joint, stages) in errors.
    public func summary(summary: String, joint: String, stages: String, files: (String, String, String)) throws -> SimulationSummary {
        SimulationSummary(
            targets: try targets(summary, file: files.0), joint: try jointProbabilities(joint, file: files.1),
            stageIncrements: try stageIncrements(stages, file: files.2))
    }

    func targets(_ text: String, file: String) throws -> [TargetSummary] {
        let rows = try ReadBackRows(text, file: file, header: SummaryCSV.header, count: scenario.targets.count, what: "targets")
        return try zip(scenario.targets, rows.records).map { target, record in
            let f = record.fields
            let wrong = { (what: String) in ResultFileError(file, line: record.line, "\(what); expected the row of target \(target.id) of the scenario") }
            guard f[0] == target.id, f[2] == target.metric.description, f[3] == target.deadline.description,
                f[4] == (target.base?.description ?? ""), f[5] == formatNumber(target.threshold)
            else {
                throw wrong("another target (\(f[0]), \(f[2]), \(f[3]), \(f[5]))")
            }
            let numbers = try rows.numbers(record, columns: [6, 7, 8, 9, 10, 11, 13])
            let met = try count(numbers[0], record, file: file)
            let interval = Statistics.wilson(successes: met, trials: runs)
            guard agrees(numbers[1], interval.lowerBound), agrees(numbers[2], interval.upperBound) else {
                throw wrong("ci_low and ci_high are not the interval of p_met at \(runs) runs")
            }
            guard numbers[4] <= numbers[3], numbers[3] <= numbers[5], (0...1).contains(numbers[6]) else {
                throw wrong("quantiles out of order or never_share outside [0, 1]")
            }
            var first: Month?
            if !f[12].isEmpty {
                guard let month = Month(f[12]), scenario.calendar.contains(month) else {
                    throw wrong("median_first_month \(f[12]) is not a month of the calendar")
                }
                first = month
            }
            let verdict = scenario.verdict.verdict(for: Double(met) / Double(runs))
            guard f[14] == verdict.rawValue else { throw wrong("verdict \(f[14]); P(met) makes it \(verdict.rawValue)") }
            return TargetSummary(
                target: target, met: met, runs: runs, interval: interval, median: numbers[3], p05: numbers[4], p95: numbers[5],
                medianFirstMonth: first, neverShare: numbers[6], verdict: verdict)
        }
    }

    func jointProbabilities(_ text: String, file: String) throws -> [JointProbability] {
        let rows = try ReadBackRows(text, file: file, header: JointCSV.header, count: nil, what: "groups")
        let ids = Set(scenario.targets.map(\.id))
        return try rows.records.map { record in
            let f = record.fields
            let deadline = f[0] == "all" ? nil : Month(f[0])
            let members = f[1].split(separator: " ").map(String.init)
            guard f[0] == "all" || deadline.map(scenario.calendar.contains) == true, !members.isEmpty, members.allSatisfy(ids.contains) else {
                throw ResultFileError(file, line: record.line, "group \(f[0]) of targets \(f[1]) is not one of the scenario")
            }
            let numbers = try rows.numbers(record, columns: [2, 3, 4])
            let met = try count(numbers[0], record, file: file)
            let interval = Statistics.wilson(successes: met, trials: runs)
            guard agrees(numbers[1], interval.lowerBound), agrees(numbers[2], interval.upperBound) else {
                throw ResultFileError(file, line: record.line, "ci_low and ci_high are not the interval of p_met at \(runs) runs")
            }
            return JointProbability(deadline: deadline, targetIDs: members, met: met, runs: runs, interval: interval)
        }
    }

    func stageIncrements(_ text: String, file: String) throws -> [StageIncrementSummary] {
        let expected = scenario.calendar.stages.flatMap { stage in StageIncrement.metrics.map { (stage.id, $0) } }
        let rows = try ReadBackRows(text, file: file, header: StagesCSV.header, count: expected.count, what: "stage rows")
        return try zip(expected, rows.records).map { expected, record in
            guard record.fields[0] == expected.0, record.fields[1] == expected.1.description else {
                throw ResultFileError(file, line: record.line, "\(record.fields[0]), \(record.fields[1]); expected \(expected.0), \(expected.1)")
            }
            let n = try rows.numbers(record, columns: [2, 3, 4, 5])
            guard n[2] <= n[1], n[1] <= n[3] else { throw ResultFileError(file, line: record.line, "quantiles out of order") }
            return StageIncrementSummary(stage: expected.0, metric: expected.1, mean: n[0], median: n[1], p05: n[2], p95: n[3])
        }
    }

    /// The runs a share of `runs` counts: p × runs must be whole.
    private func count(_ share: Double, _ record: CSVRecords.Record, file: String) throws -> Int {
        let met = (share * Double(runs)).rounded()
        guard (0...1).contains(share), abs(share * Double(runs) - met) < 1e-6 else {
            throw ResultFileError(file, line: record.line, "p_met \(formatNumber(share)) is not a share of \(runs) runs")
        }
        return Int(met)
    }

    /// Whether a number read back is `exact` as written (15 significant digits).
    private func agrees(_ read: Double, _ exact: Double) -> Bool { formatNumber(read) == formatNumber(exact) }
}

/// The records of a result file after its header: checked to be the expected header, `count`
/// rows (when known) of as many fields.
struct ReadBackRows {
    let file: String
    let records: [CSVRecords.Record]

    init(_ text: String, file: String, header: [String], count: Int?, what: String) throws {
        let all = try CSVRecords(text, file: file).records
        guard let first = all.first, first.fields == header else {
            throw ResultFileError(file, line: 1, "the header is not \(header.joined(separator: ","))")
        }
        let rows = Array(all.dropFirst())
        if let count, rows.count != count { throw ResultFileError(file, "\(rows.count) \(what); the scenario has \(count)") }
        if let bad = rows.first(where: { $0.fields.count != header.count }) {
            throw ResultFileError(file, line: bad.line, "\(bad.fields.count) fields; expected \(header.count)")
        }
        self.file = file
        records = rows
    }

    /// The numbers of `columns`, each a finite decimal.
    func numbers(_ record: CSVRecords.Record, columns: [Int]) throws -> [Double] {
        try columns.map { c in
            guard let x = decimalNumber(record.fields[c]), x.isFinite else {
                throw ResultFileError(file, line: record.line, "'\(record.fields[c])' is not a number")
            }
            return x
        }
    }
}
