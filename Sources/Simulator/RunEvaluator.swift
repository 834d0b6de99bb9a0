import PilotModel

/// One worker's machinery for simulating single runs: the month step, the run's process streams
/// and a reusable metrics table. Not `Sendable`: each worker thread makes its own.
final class RunEvaluator {
    let model: PilotRun
    let targets: [TargetColumns]
    private let streams: RunStreams
    /// Month-major metrics of the last run simulated (see `PilotRun`).
    private(set) var metrics: [Double]

    init(_ scenario: Scenario) {
        model = PilotRun(scenario)
        targets = scenario.targets.map { TargetColumns(target: $0, scenario: scenario) }
        streams = RunStreams(scenario)
        metrics = [Double](repeating: 0, count: scenario.calendar.monthCount * model.metricCount)
    }

    var months: Int { model.scenario.calendar.monthCount }

    /// Simulates the run with parameter values `values` whose process streams are keyed by `runKey`,
    /// through month offset `monthLimit − 1` (the whole calendar when `nil`).
    func simulate(_ values: [Double], runKey: UInt64, monthLimit: Int? = nil) {
        streams.select(runKey: runKey)
        model.simulate(values, streams: streams, metrics: &metrics, monthLimit: monthLimit)
    }

    /// Target `j`'s deciding value and first month met (−1: never) in the last run.
    func outcome(target j: Int) -> (value: Double, firstHit: Int) {
        targets[j].evaluate(metrics, metricCount: model.metricCount, months: months)
    }

    /// Metric column `column` at the end of month offset `month` in the last run.
    func metric(_ column: Int, month: Int) -> Double { metrics[month * model.metricCount + column] }
}
