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

    /// Public for results read back from summary.csv; a simulation makes them with `RunCollector`.
    public init(
        target: Target, met: Int, runs: Int, interval: ClosedRange<Double>, median: Double, p05: Double, p95: Double,
        medianFirstMonth: Month?, neverShare: Double, verdict: Verdict
    ) {
        self.target = target
        self.met = met
        self.runs = runs
        self.interval = interval
        (self.median, self.p05, self.p95) = (median, p05, p95)
        self.medianFirstMonth = medianFirstMonth
        self.neverShare = neverShare
        self.verdict = verdict
    }
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

    public init(deadline: Month?, targetIDs: [String], met: Int, runs: Int, interval: ClosedRange<Double>) {
        self.deadline = deadline
        self.targetIDs = targetIDs
        self.met = met
        self.runs = runs
        self.interval = interval
    }
}

/// The distribution of one metric's increase over one stage.
public struct StageIncrementSummary: Sendable {
    public let stage: String
    public let metric: Metric
    public let mean: Double, median: Double, p05: Double, p95: Double

    public init(stage: String, metric: Metric, mean: Double, median: Double, p05: Double, p95: Double) {
        self.stage = stage
        self.metric = metric
        (self.mean, self.median, self.p05, self.p95) = (mean, median, p05, p95)
    }
}

/// The aggregated answers of a simulation (made by `RunCollector`).
public struct SimulationSummary: Sendable {
    public internal(set) var targets: [TargetSummary]
    /// One entry per deadline shared by targets, in month order, then one for all targets.
    public internal(set) var joint: [JointProbability]
    public let stageIncrements: [StageIncrementSummary]

    /// Public for results read back from their files (summary.csv, joint.csv, stages.csv).
    public init(targets: [TargetSummary], joint: [JointProbability], stageIncrements: [StageIncrementSummary]) {
        self.targets = targets
        self.joint = joint
        self.stageIncrements = stageIncrements
    }
}
