import PilotModel

/// What a Monte Carlo simulation gives: its summary, its monthly quantiles when asked for, and the
/// per-run values asked for (`MonteCarlo.Keep`), by run index.
public struct SimulationResult: Sendable {
    public let scenario: Scenario
    public let seed: UInt64
    public let runs: Int
    public let summary: SimulationSummary
    /// Every month × metric, month-major; empty unless the simulation kept `.monthlyQuantiles`.
    public let monthly: [MonthlyQuantiles]
    /// Indices (into `scenario.parameters`) of the uncertain parameters, the columns of
    /// `parameterValues`; empty when the simulation did not keep them.
    public let uncertainParameters: [Int]
    /// Run-major: run r's values at `r * uncertainParameters.count ..<`.
    public let parameterValues: [Double]
    /// Per target (when kept, else empty): the value that decides it in each run — metric(by),
    /// or metric(by) − metric(base).
    public let targetValues: [[Double]]
    /// When kept: metric-major, then month, then run: value at `(metric * months + month) * runs + run`.
    /// Held without copying: at 10⁵ runs it is about half a gigabyte.
    let trajectories: SharedBuffer?

    init(
        scenario: Scenario, seed: UInt64, runs: Int, summary: SimulationSummary, monthly: [MonthlyQuantiles],
        uncertainParameters: [Int], parameterValues: [Double], targetValues: [[Double]], trajectories: SharedBuffer?
    ) {
        self.scenario = scenario
        self.seed = seed
        self.runs = runs
        self.summary = summary
        self.monthly = monthly
        self.uncertainParameters = uncertainParameters
        self.parameterValues = parameterValues
        self.targetValues = targetValues
        self.trajectories = trajectories
    }

    /// A result read back from the files a simulation wrote: its summary and monthly quantiles,
    /// and the parameters and target values of its first `targetValues[j].count` runs; no
    /// trajectories.
    public init(
        readBack scenario: Scenario, seed: UInt64, runs: Int, summary: SimulationSummary, monthly: [MonthlyQuantiles],
        uncertainParameters: [Int], parameterValues: [Double], targetValues: [[Double]]
    ) {
        self.init(
            scenario: scenario, seed: seed, runs: runs, summary: summary, monthly: monthly, uncertainParameters: uncertainParameters,
            parameterValues: parameterValues, targetValues: targetValues, trajectories: nil)
    }

    /// Whether every metric of every month of every run was kept.
    public var keepsTrajectories: Bool { trajectories != nil }

    /// The values of one metric at the end of one month (offset), for all runs in run order.
    /// - Precondition: `keepsTrajectories`.
    public func trajectory(metric: Int, month: Int) -> [Double] {
        precondition(keepsTrajectories, "the simulation did not keep trajectories")
        let start = (metric * scenario.calendar.monthCount + month) * runs
        return trajectories!.slice(start..<(start + runs))
    }
}

/// The metrics whose per-stage increase the report shows.
public enum StageIncrement {
    public static let metrics: [Metric] = [.wallets, .merchants, .amount]
}
