import PilotModel

/// The layout of what a simulation records of one run, in this order: the drawn uncertain
/// parameters (when recorded), each target's deciding value, each target's first month met
/// (offset, −1: never), each stage's increase of each `StageIncrement` metric, and (when
/// recorded) every metric at the end of every month, metric-major. A part file's records are
/// these rows.
public struct RunRecord: Sendable, Equatable {
    /// Indices (into `scenario.parameters`) of the recorded parameters.
    public let parameters: [Int]
    public let targets: Int
    public let stages: Int
    public let months: Int
    public let metrics: Int
    public let trajectories: Bool

    public init(_ scenario: Scenario, parameters: Bool, trajectories: Bool) {
        self.parameters = parameters ? scenario.uncertainParameters : []
        targets = scenario.targets.count
        stages = scenario.calendar.stages.count
        months = scenario.calendar.monthCount
        metrics = scenario.metrics.count
        self.trajectories = trajectories
    }

    public var targetOffset: Int { parameters.count }
    public var firstHitOffset: Int { targetOffset + targets }
    public var incrementOffset: Int { firstHitOffset + targets }
    public var trajectoryOffset: Int { incrementOffset + stages * StageIncrement.metrics.count }
    /// The numbers of one record.
    public var width: Int { trajectoryOffset + (trajectories ? months * metrics : 0) }

    /// The column of a metric's value at the end of a month offset.
    public func trajectoryColumn(metric: Int, month: Int) -> Int { trajectoryOffset + metric * months + month }
}
