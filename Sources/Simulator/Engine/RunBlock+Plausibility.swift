import PilotModel

extension RunBlock {
    /// The first row that no simulation of `scenario` writes, and why; nil when every row could
    /// be one. A run's record is plausible when every number is finite, every drawn parameter lies
    /// in its domain, every first month met is a month of the calendar (or −1, never), every
    /// metric is ≥ 0 (whole for the counts), the cumulative ones never fall (from month to month,
    /// or over a stage), and active wallets are at most the wallets opened.
    public func firstImplausibleRow(scenario: Scenario) -> (row: Int, reason: String)? {
        let metrics = scenario.metrics, months = record.months
        let wallets = metrics.firstIndex(of: .wallets), active = metrics.firstIndex(of: .walletsActive)
        for row in 0..<count {
            for column in 0..<record.width where !self[row, column].isFinite {
                return (row, "number \(column) is \(self[row, column])")
            }
            for (k, i) in record.parameters.enumerated() {
                let spec = scenario.parameters[i]
                guard spec.domain.range.contains(self[row, k]) else {
                    return (row, "\(spec.keyPath) is outside \(spec.domain.rawValue)")
                }
            }
            for target in 0..<record.targets {
                let month = self[row, record.firstHitOffset + target]
                guard month == month.rounded(), (-1..<Double(months)).contains(month) else {
                    return (row, "target \(target)'s first month met is \(month)")
                }
            }
            for stage in 0..<record.stages {
                for (k, metric) in StageIncrement.metrics.enumerated() where metric.isCumulative {
                    guard self[row, record.incrementOffset + stage * StageIncrement.metrics.count + k] >= 0 else {
                        return (row, "\(metric) falls in stage \(stage + 1)")
                    }
                }
            }
            // The months are checked when the records hold every metric (a part's do).
            guard record.trajectoryMetrics.count == metrics.count else { continue }
            for (m, metric) in metrics.enumerated() {
                var previous = 0.0
                for month in 0..<months {
                    let value = self[row, record.trajectoryColumn(metric: m, month: month)]
                    guard value >= 0, metric.isYuan || value == value.rounded() else { return (row, "\(metric) is \(value) at month \(month + 1)") }
                    guard !metric.isCumulative || value >= previous else { return (row, "\(metric) falls at month \(month + 1)") }
                    previous = value
                }
            }
            if let wallets, let active {
                for month in 0..<months
                where self[row, record.trajectoryColumn(metric: active, month: month)]
                    > self[row, record.trajectoryColumn(metric: wallets, month: month)]
                {
                    return (row, "more active wallets than wallets at month \(month + 1)")
                }
            }
        }
        return nil
    }
}
