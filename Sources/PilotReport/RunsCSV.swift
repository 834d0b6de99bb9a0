import PilotModel
import Simulator

/// runs.csv: one row per run — its drawn parameters and each target's deciding value.
public enum RunsCSV {
    public static func render(_ result: SimulationResult) -> String {
        let s = result.scenario, width = result.uncertainParameters.count
        var table = CSVTable(header: ["run"] + result.uncertainParameters.map { "param:\(s.parameters[$0].keyPath)" }
                                 + s.targets.map { "value:\($0.id)" })
        for run in 0..<result.runs {
            let parameters = result.parameterValues[(run * width)..<((run + 1) * width)]
            table.append([String(run)] + parameters.map(formatNumber) + result.targetValues.map { formatNumber($0[run]) })
        }
        return table.text
    }
}
