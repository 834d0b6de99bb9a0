import PilotModel
import Simulator

/// joint.csv: the probability that every target of a group is met in the same run — one row per
/// deadline that targets share, then one for all targets (`group` is the deadline, or `all`).
public enum JointCSV {
    public static let header = ["group", "target_ids", "p_met", "ci_low", "ci_high"]

    public static func render(_ summary: SimulationSummary) -> String {
        var table = CSVTable(header: header)
        for j in summary.joint {
            table.append([
                j.deadline?.description ?? "all", j.targetIDs.joined(separator: " "), formatNumber(j.probability),
                formatNumber(j.interval.lowerBound), formatNumber(j.interval.upperBound),
            ])
        }
        return table.text
    }
}
