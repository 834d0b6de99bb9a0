import PilotModel

/// One worker's machinery for simulating single runs: the month step, the run's process streams
/// and a reusable metrics table. Not `Sendable`: each worker thread makes its own.
final class RunEvaluator {
    let model: PilotRun
    let targets: [TargetColumns]
    private let streams: RunStreams
    /// The month offset each stage ends at.
    private let stageEnds: [Int]
    /// The columns of `StageIncrement.metrics`, and their values before the first month.
    private let incrementColumns: [Int], initialValues: [Double]
    /// Month-major metrics of the last run simulated (see `PilotRun`).
    private(set) var metrics: [Double]

    init(_ scenario: Scenario) {
        model = PilotRun(scenario)
        targets = scenario.targets.map { TargetColumns(target: $0, scenario: scenario) }
        streams = RunStreams(scenario)
        stageEnds = scenario.calendar.stages.map { scenario.calendar.offset(of: $0.to) }
        incrementColumns = StageIncrement.metrics.map { scenario.metrics.firstIndex(of: $0)! }
        initialValues = StageIncrement.metrics.map { metric in
            switch metric {
            case .wallets: Double(scenario.personal.initial + scenario.corporate.initial)
            case .merchants: Double(scenario.merchants.initial)
            default: 0
            }
        }
        metrics = [Double](repeating: 0, count: scenario.calendar.monthCount * model.metricCount)
    }

    var months: Int { model.scenario.calendar.monthCount }

    /// Simulates the run with parameter values `values` whose process streams are keyed by `runKey`,
    /// through month offset `monthLimit − 1` (the whole calendar when `nil`).
    func simulate(_ values: [Double], runKey: UInt64, monthLimit: Int? = nil) {
        simulate(values, noise: RunNoise(runKey: runKey), monthLimit: monthLimit)
    }

    /// Simulates the run with parameter values `values` and process noise `noise`.
    func simulate(_ values: [Double], noise: RunNoise, monthLimit: Int? = nil) {
        streams.select(noise)
        model.simulate(values, streams: streams, metrics: &metrics, monthLimit: monthLimit)
    }

    /// Target `j`'s deciding value and first month met (−1: never) in the last run.
    func outcome(target j: Int) -> (value: Double, firstHit: Int) {
        targets[j].evaluate(metrics, metricCount: model.metricCount, months: months)
    }

    /// Metric column `column` at the end of month offset `month` in the last run.
    func metric(_ column: Int, month: Int) -> Double { metrics[month * model.metricCount + column] }

    /// How much metric `StageIncrement.metrics[j]` grew over stage `stage` in the last run.
    func stageIncrement(stage: Int, metric j: Int) -> Double {
        let before = stage == 0 ? initialValues[j] : metric(incrementColumns[j], month: stageEnds[stage - 1])
        return metric(incrementColumns[j], month: stageEnds[stage]) - before
    }
}
