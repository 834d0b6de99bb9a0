import Dispatch
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

    /// Every month × metric of a result that kept its trajectories, month-major; the cells are
    /// computed in parallel on `threads` threads.
    public static func table(_ result: SimulationResult, threads: Int) -> [MonthlyQuantiles] {
        precondition(result.keepsTrajectories, "the simulation did not keep trajectories")
        let s = result.scenario, metrics = s.metrics, months = s.calendar.monthCount
        let cells = ResultSlots<MonthlyQuantiles>(count: months * metrics.count)
        let workers = max(1, min(threads, cells.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for cell in stride(from: worker, to: cells.count, by: workers) {
                let month = cell / metrics.count, m = cell % metrics.count
                var values = result.trajectory(metric: m, month: month)
                let (mean, sd) = Statistics.meanAndSD(values)
                cells[cell] = MonthlyQuantiles(
                    month: s.calendar.month(at: month), stage: s.calendar.stages[s.calendar.stageIndexOfMonth[month]].id,
                    metric: metrics[m], mean: mean, sd: sd,
                    quantiles: OrderStatistics.quantiles(&values, at: probabilities))
            }
        }
        return cells.values
    }
}
