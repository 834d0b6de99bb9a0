import PilotModel

/// The layout of what a simulation records of one run, in this order: the drawn uncertain
/// parameters (when recorded), each target's deciding value, each target's first month met
/// (offset, −1: never), each stage's increase of each `StageIncrement` metric, and (when
/// recorded) the recorded metrics at the end of every month, metric-major. A part file's records
/// are these rows, with every metric.
public struct RunRecord: Sendable, Equatable {
    /// Indices (into `scenario.parameters`) of the recorded parameters.
    public let parameters: [Int]
    public let targets: Int
    public let stages: Int
    public let months: Int
    /// Indices (into `scenario.metrics`) of the metrics recorded every month: all of them, or
    /// those whose monthly quantiles are wanted, or none.
    public let trajectoryMetrics: [Int]
    public var trajectories: Bool { !trajectoryMetrics.isEmpty }

    /// - Parameter monthlyMetrics: with `trajectories`, the metrics recorded (all when nil).
    public init(_ scenario: Scenario, parameters: Bool, trajectories: Bool, monthlyMetrics: Set<Metric>? = nil) {
        self.parameters = parameters ? scenario.uncertainParameters : []
        targets = scenario.targets.count
        stages = scenario.calendar.stages.count
        months = scenario.calendar.monthCount
        trajectoryMetrics = trajectories ? Self.metricIndices(scenario, chosen: monthlyMetrics) : []
    }

    /// The indices (into `scenario.metrics`) of the `chosen` metrics, in the scenario's order;
    /// all of them when nil.
    static func metricIndices(_ scenario: Scenario, chosen: Set<Metric>?) -> [Int] {
        scenario.metrics.indices.filter { chosen?.contains(scenario.metrics[$0]) ?? true }
    }

    public var targetOffset: Int { parameters.count }
    public var firstHitOffset: Int { targetOffset + targets }
    public var incrementOffset: Int { firstHitOffset + targets }
    public var trajectoryOffset: Int { incrementOffset + stages * StageIncrement.metrics.count }
    /// The numbers of one record.
    public var width: Int { trajectoryOffset + months * trajectoryMetrics.count }

    /// The column of the value at the end of a month offset of the `metric`-th recorded metric
    /// (of `trajectoryMetrics`; with every metric recorded, the metric's index).
    public func trajectoryColumn(metric: Int, month: Int) -> Int { trajectoryOffset + metric * months + month }
}
