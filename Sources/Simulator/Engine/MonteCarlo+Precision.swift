extension MonteCarlo {
    /// The widest 95% Wilson half-width of P(met) over the targets of a summary.
    public static func widestHalfWidth(_ summary: SimulationSummary) -> Double {
        summary.targets.map { ($0.interval.upperBound - $0.interval.lowerBound) / 2 }.max() ?? 0
    }

    /// Simulates runs `0..<n` for growing n until every target's Wilson half-width is at most
    /// `precision`, or `maxRuns` is reached.
    ///
    /// Each step re-simulates from run 0, so the result is exactly `run(runs: n)` for the n it
    /// stops at (a run depends only on seed and index). The next n is the larger of twice the last
    /// and the normal-approximation estimate z²·p(1−p)/H² (with the p closest to ½, plus 10%),
    /// rounded up to a thousand: the work is at most about twice that of the final n.
    ///
    /// - Returns: the result and whether the precision was reached.
    public func run(precision: Double, maxRuns: Int, firstBatch: Int = 1000) -> (result: SimulationResult, reached: Bool) {
        precondition(precision > 0 && maxRuns >= 1 && firstBatch >= 1)
        var probe = self
        probe.keep.subtract([.trajectories, .monthlyQuantiles])
        var runs = min(firstBatch, maxRuns)
        while true {
            let result = probe.run(runs: runs)
            let summary = result.summary
            let reached = Self.widestHalfWidth(summary) <= precision
            if reached || runs == maxRuns {
                return (keep == probe.keep ? result : run(runs: runs), reached)
            }
            let spread = summary.targets.map { $0.probability * (1 - $0.probability) }.max() ?? 0
            let estimate = 1.1 * Statistics.z95 * Statistics.z95 * spread / (precision * precision)
            let next = max(2 * runs, Int(estimate.rounded(.up)))
            runs = min(maxRuns, (next + 999) / 1000 * 1000)
        }
    }
}
