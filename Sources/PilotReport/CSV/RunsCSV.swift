import Dispatch
import PilotModel
import Simulator

/// runs.csv: one row per run — its drawn parameters and each target's deciding value. Written
/// whole from a result that kept them, or block by block as a simulation goes.
public enum RunsCSV {
    /// The header line, for runs that recorded the parameters `parameters` (indices into `scenario.parameters`).
    public static func header(_ scenario: Scenario, parameters: [Int]) -> String {
        CSVTable.line(["run"] + parameters.map { "param:\(scenario.parameters[$0].keyPath)" } + scenario.targets.map { "value:\($0.id)" })
    }

    /// The rows of a block's runs, formatted on `threads` threads.
    public static func rows(_ block: RunBlock, threads: Int) -> String {
        let r = block.record, workers = max(1, min(threads, block.count))
        let parts = ResultSlots<String>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var lines = ""
            for row in (block.count * worker / workers)..<(block.count * (worker + 1) / workers) {
                lines += line(
                    run: block.first + row,
                    values: (0..<r.parameters.count).map { block[row, $0] } + (0..<r.targets).map { block[row, r.targetOffset + $0] })
            }
            parts[worker] = lines
        }
        return parts.values.joined()
    }

    /// The whole file of a result that kept its parameters and target values.
    public static func render(_ result: SimulationResult) -> String {
        let width = result.uncertainParameters.count
        var text = header(result.scenario, parameters: result.uncertainParameters)
        for run in 0..<result.runs {
            text += line(run: run, values: Array(result.parameterValues[(run * width)..<((run + 1) * width)]) + result.targetValues.map { $0[run] })
        }
        return text
    }

    private static func line(run: Int, values: [Double]) -> String {
        CSVTable.line([String(run)] + values.map(formatNumber))
    }
}
