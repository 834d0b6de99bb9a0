import PilotModel
import Simulator

/// stages.csv: each headline metric's increase over each stage of the plan, over the runs.
public enum StagesCSV {
    public static let header = ["stage", "metric", "mean", "median", "p05", "p95"]

    public static func render(_ summary: SimulationSummary) -> String {
        var table = CSVTable(header: header)
        for s in summary.stageIncrements {
            table.append([s.stage, s.metric.description] + [s.mean, s.median, s.p05, s.p95].map(formatNumber))
        }
        return table.text
    }
}
