import PilotModel
import Simulator

extension SummaryReadBack {
    /// The first runs of runs.csv, read back line by line: each run's uncertain parameters (run
    /// major) and each target's deciding value (target major).
    public struct Runs {
        public var parameterValues: [Double] = []
        public var targetValues: [[Double]]
        public var count = 0
    }

    /// The header runs.csv must start with: the scenario's uncertain parameters, then its targets.
    public var runsHeader: String { RunsCSV.header(scenario, parameters: scenario.uncertainParameters) }

    /// Reads runs.csv's lines after the header (`lines` yields each without its line end, with
    /// its line number) until `limit` runs: run numbers 0, 1, … in order, every value finite.
    public func runs(_ lines: some Sequence<(line: Int, text: String)>, file: String, limit: Int) throws -> Runs {
        let parameters = scenario.uncertainParameters.count, targets = scenario.targets.count
        var runs = Runs(targetValues: Array(repeating: [], count: targets))
        for (line, text) in lines {
            guard runs.count < min(limit, self.runs) else { break }
            let fields = text.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 1 + parameters + targets, Int(fields[0]) == runs.count else {
                throw ResultFileError(file, line: line, "expected run \(runs.count) with \(parameters) parameters and \(targets) target values")
            }
            let values = fields.dropFirst().map { decimalNumber($0) }
            guard values.allSatisfy({ $0?.isFinite == true }) else { throw ResultFileError(file, line: line, "a value that is not a finite number") }
            runs.parameterValues += values.prefix(parameters).map { $0! }
            for (j, value) in values.dropFirst(parameters).enumerated() { runs.targetValues[j].append(value!) }
            runs.count += 1
        }
        guard runs.count == min(limit, self.runs) else {
            throw ResultFileError(file, "\(runs.count) runs; expected \(min(limit, self.runs)) or more (the manifest says \(self.runs))")
        }
        return runs
    }
}
