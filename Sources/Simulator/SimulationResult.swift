import PilotModel

/// Everything kept of a Monte Carlo simulation, by run index: what each target saw, how much each
/// stage added, the drawn parameters and, when asked for, every metric of every month.
public struct SimulationResult: Sendable {
    public let scenario: Scenario
    public let seed: UInt64
    public let runs: Int
    /// Indices (into `scenario.parameters`) of the uncertain parameters, the columns of
    /// `parameterValues`; empty when the simulation did not keep them.
    public let uncertainParameters: [Int]
    /// Run-major: run r's values at `r * uncertainParameters.count ..<`.
    public let parameterValues: [Double]
    /// Per target: the value that decides it in each run — metric(by), or metric(by) − metric(base).
    public let targetValues: [[Double]]
    /// Per target: the month offset at which each run first met it, or −1 if never by calendar end.
    public let firstHit: [[Int32]]
    /// Per stage, per `StageIncrement.metrics` entry: each run's increase over the stage.
    public let stageIncrements: [[[Double]]]
    /// When kept: metric-major, then month, then run: value at `(metric * months + month) * runs + run`.
    /// Held without copying: at 10⁵ runs it is about half a gigabyte.
    let trajectories: SharedBuffer?

    init(scenario: Scenario, seed: UInt64, runs: Int, uncertainParameters: [Int], parameterValues: [Double],
         targetValues: [[Double]], firstHit: [[Int32]], stageIncrements: [[[Double]]], trajectories: SharedBuffer?) {
        self.scenario = scenario
        self.seed = seed
        self.runs = runs
        self.uncertainParameters = uncertainParameters
        self.parameterValues = parameterValues
        self.targetValues = targetValues
        self.firstHit = firstHit
        self.stageIncrements = stageIncrements
        self.trajectories = trajectories
    }

    /// A result assembled from its parts (the shards of a simulation, see `pilotsim merge`);
    /// `trajectoryValues`, when given, in the layout `trajectory(metric:month:)` reads.
    public init(scenario: Scenario, seed: UInt64, runs: Int, uncertainParameters: [Int], parameterValues: [Double],
                targetValues: [[Double]], firstHit: [[Int32]], stageIncrements: [[[Double]]], trajectoryValues: [Double]?) {
        self.init(scenario: scenario, seed: seed, runs: runs, uncertainParameters: uncertainParameters, parameterValues: parameterValues,
                  targetValues: targetValues, firstHit: firstHit, stageIncrements: stageIncrements,
                  trajectories: trajectoryValues.map { values in
                      let buffer = SharedBuffer(count: values.count)
                      for (i, x) in values.enumerated() { buffer[i] = x }
                      return buffer
                  })
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
