import PilotModel

/// One row of monthly.csv: a metric's distribution over the runs at the end of one month.
public struct MonthlyQuantiles: Sendable {
    public static let probabilities = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95]

    public let month: Month
    public let stage: String
    public let metric: Metric
    public let mean: Double
    public let sd: Double
    /// At `probabilities`, in order.
    public let quantiles: [Double]

    /// Every month × metric of a result that kept its trajectories, month-major.
    public static func table(_ result: SimulationResult) -> [MonthlyQuantiles] {
        precondition(result.trajectories != nil, "the simulation did not keep trajectories")
        let s = result.scenario, metrics = s.metrics
        return (0..<s.calendar.monthCount).flatMap { month in
            metrics.indices.map { m in
                let values = result.trajectory(metric: m, month: month)
                let sorted = values.sorted()
                let (mean, sd) = Statistics.meanAndSD(values)
                return MonthlyQuantiles(
                    month: s.calendar.month(at: month), stage: s.calendar.stages[s.calendar.stageIndexOfMonth[month]].id,
                    metric: metrics[m], mean: mean, sd: sd,
                    quantiles: probabilities.map { Statistics.quantile(sorted: sorted, $0) })
            }
        }
    }
}
