import PilotModel

/// What a simulation says about one target (MODEL.md §5; the row of summary.csv).
public struct TargetSummary: Sendable {
    public let target: Target
    public let met: Int
    public let runs: Int
    public let interval: ClosedRange<Double>
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
    public let interval: ClosedRange<Double>

    public var probability: Double { Double(met) / Double(runs) }
}

/// The distribution of one metric's increase over one stage.
public struct StageIncrementSummary: Sendable {
    public let stage: String
    public let metric: Metric
    public let mean: Double, median: Double, p05: Double, p95: Double
}

/// The aggregated answers of a simulation.
public struct SimulationSummary: Sendable {
    public let targets: [TargetSummary]
    /// One entry per deadline shared by targets, in month order, then one for all targets.
    public let joint: [JointProbability]
    public let stageIncrements: [StageIncrementSummary]

    public init(_ result: SimulationResult) {
        let s = result.scenario, runs = result.runs
        let met: [[Bool]] = s.targets.indices.map { j in result.targetValues[j].map(s.targets[j].isMet) }

        targets = s.targets.indices.map { j in
            let target = s.targets[j]
            let count = met[j].lazy.filter { $0 }.count
            var values = result.targetValues[j]
            let q = OrderStatistics.quantiles(&values, at: [0.5, 0.05, 0.95])
            let hits = result.firstHit[j].filter { $0 >= 0 }.sorted()
            let probability = Double(count) / Double(runs)
            return TargetSummary(
                target: target, met: count, runs: runs,
                interval: Statistics.wilson(successes: count, trials: runs),
                median: q[0], p05: q[1], p95: q[2],
                medianFirstMonth: hits.isEmpty ? nil : s.calendar.month(at: Int(hits[(hits.count - 1) / 2])),
                neverShare: Double(runs - hits.count) / Double(runs),
                verdict: s.verdict.verdict(for: probability))
        }

        func jointOf(_ members: [Int], deadline: Month?) -> JointProbability {
            let count = (0..<runs).lazy.filter { run in members.allSatisfy { met[$0][run] } }.count
            return JointProbability(deadline: deadline, targetIDs: members.map { s.targets[$0].id }, met: count, runs: runs,
                                    interval: Statistics.wilson(successes: count, trials: runs))
        }
        let deadlines = Set(s.targets.map(\.deadline)).sorted()
        joint = s.targets.isEmpty ? [] :
            deadlines.map { deadline in jointOf(s.targets.indices.filter { s.targets[$0].deadline == deadline }, deadline: deadline) }
            + [jointOf(Array(s.targets.indices), deadline: nil)]

        stageIncrements = s.calendar.stages.indices.flatMap { stage in
            StageIncrement.metrics.indices.map { j in
                var values = result.stageIncrements[stage][j]
                let mean = Statistics.meanAndSD(values).mean
                let q = OrderStatistics.quantiles(&values, at: [0.5, 0.05, 0.95])
                return StageIncrementSummary(stage: s.calendar.stages[stage].id, metric: StageIncrement.metrics[j],
                                             mean: mean, median: q[0], p05: q[1], p95: q[2])
            }
        }
    }
}
