import PilotModel

/// What a simulation says about one target (docs/model.md §5; the row of summary.csv).
public struct TargetSummary: Sendable {
    public let target: Target
    public let met: Int
    public let runs: Int
    /// The 95% interval of P(met): Wilson at `runs` for plain runs; the measured Monte Carlo error
    /// for conditioned particles (`Conditioning.Result.summary`).
    public internal(set) var interval: ClosedRange<Double>
    /// Quantiles of the deciding value (the level, or the increase over the base month).
    public let median: Double, p05: Double, p95: Double
    /// Lower median of the first month meeting the target, over the runs that ever do.
    public let medianFirstMonth: Month?
    /// Share of runs that never meet it by calendar end.
    public let neverShare: Double
    public let verdict: Verdict

    public var probability: Double { Double(met) / Double(runs) }
}

/// The probability that every target of a group is met in the same run.
public struct JointProbability: Sendable {
    /// The shared deadline, or `nil` for all targets together.
    public let deadline: Month?
    public let targetIDs: [String]
    public let met: Int
    public let runs: Int
    public internal(set) var interval: ClosedRange<Double>

    public var probability: Double { Double(met) / Double(runs) }
}

/// The distribution of one metric's increase over one stage.
public struct StageIncrementSummary: Sendable {
    public let stage: String
    public let metric: Metric
    public let mean: Double, median: Double, p05: Double, p95: Double
}

/// The aggregated answers of a simulation (made by `RunCollector`).
public struct SimulationSummary: Sendable {
    public internal(set) var targets: [TargetSummary]
    /// One entry per deadline shared by targets, in month order, then one for all targets.
    public internal(set) var joint: [JointProbability]
    public let stageIncrements: [StageIncrementSummary]

    init(targets: [TargetSummary], joint: [JointProbability], stageIncrements: [StageIncrementSummary]) {
        self.targets = targets
        self.joint = joint
        self.stageIncrements = stageIncrements
    }
}
