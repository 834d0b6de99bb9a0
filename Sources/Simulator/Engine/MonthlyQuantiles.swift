import PilotModel

/// One row of monthly.csv (made by `RunCollector`): a metric's distribution over the runs at the end of one month.
public struct MonthlyQuantiles: Sendable {
    public static let probabilities = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95]

    public let month: Month
    public let stage: String
    public let metric: Metric
    public let mean: Double
    public let sd: Double
    /// At `probabilities`, in order.
    public let quantiles: [Double]

    /// Public for rows read back from monthly.csv; a simulation makes them with `RunCollector`.
    public init(month: Month, stage: String, metric: Metric, mean: Double, sd: Double, quantiles: [Double]) {
        self.month = month
        self.stage = stage
        self.metric = metric
        self.mean = mean
        self.sd = sd
        self.quantiles = quantiles
    }
}
