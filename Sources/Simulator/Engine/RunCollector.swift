import Dispatch
import PilotModel

/// What a simulation makes of its runs' records, taken block by block in run order: the summary
/// (every target's count, quantiles and first months; the joint counts; the stage increments), the
/// monthly quantiles when asked for, and the per-run values an output asks to keep.
///
/// Memory: 8 bytes a run for each kept value, and a fixed amount beside: the quantiles are exact
/// (`ExactQuantiles`), with every value kept while all of them fit in `valueBudget`, and two
/// passes over the records beyond. A run's counts are folded in at once.
public final class RunCollector: @unchecked Sendable {
    /// Bytes of values kept to select quantiles in one pass; beyond them, the records are read twice.
    public static let valueBudget = 256 << 20

    public let scenario: Scenario
    public let rows: Int
    public let record: RunRecord
    private let threads: Int

    /// One quantity over the runs: its moments and its exact quantiles.
    private final class Cell: @unchecked Sendable {
        let column: Int
        var moments = RunningMoments()
        let quantiles: ExactQuantiles
        init(column: Int, quantiles: ExactQuantiles) {
            self.column = column
            self.quantiles = quantiles
        }
    }
    /// Each target's deciding value, then each stage increment, then (month-major) each month's
    /// `monthlyMetrics`.
    private let cells: [Cell]
    private let monthlyCells: Int
    /// The indices (into `scenario.metrics`) of the metrics whose monthly quantiles are collected.
    private let monthlyMetrics: [Int]

    private var met: [Int]
    /// Per joint group (each deadline's targets, then all): its targets and the runs meeting all.
    private var joint: [(deadline: Month?, members: [Int], met: Int)]
    /// Per target: how many runs first met it at each month offset.
    private var firstHits: [[Int]]

    private let targetValues: [SharedBuffer]
    private let parameterValues: SharedBuffer?
    private let trajectories: SharedBuffer?

    /// Probabilities of the summary's quantiles: median, P5, P95.
    static let summaryProbabilities = [0.5, 0.05, 0.95]

    /// - Parameters:
    ///   - recordsParameters: whether the records carry the parameters even when they are
    ///     not kept (for whatever writes the records out as they come).
    ///   - monthlyMetrics: with `.monthlyQuantiles`, the metrics whose quantiles are wanted (all
    ///     when nil); a page that draws three fan charts selects 3 metrics' instead of every one's.
    ///   - valueBudget: bytes of values kept for one pass (tests make it small to force two).
    public init(
        scenario s: Scenario, rows: Int, keep: MonteCarlo.Keep, threads: Int, recordsParameters: Bool = false,
        monthlyMetrics: Set<Metric>? = nil, valueBudget: Int = RunCollector.valueBudget
    ) {
        precondition(rows > 0)
        scenario = s
        self.rows = rows
        self.threads = max(1, threads)
        // Records written out (`recordsParameters`) and kept trajectories hold every metric;
        // otherwise the records hold only the months the quantiles need.
        record = RunRecord(
            s, parameters: recordsParameters || keep.contains(.parameterValues),
            trajectories: !keep.isDisjoint(with: [.trajectories, .monthlyQuantiles]),
            monthlyMetrics: recordsParameters || keep.contains(.trajectories) ? nil : monthlyMetrics)
        let months = s.calendar.monthCount, r = record
        let summaryColumns =
            (0..<r.targets).map { r.targetOffset + $0 }
            + (0..<(r.stages * StageIncrement.metrics.count)).map { r.incrementOffset + $0 }
        let monthlyMetrics = keep.contains(.monthlyQuantiles) ? RunRecord.metricIndices(s, chosen: monthlyMetrics) : []
        self.monthlyMetrics = monthlyMetrics
        // Each metric's place among the recorded ones.
        let recorded = monthlyMetrics.map { r.trajectoryMetrics.firstIndex(of: $0)! }
        let monthlyColumns = (0..<months).flatMap { month in recorded.map { r.trajectoryColumn(metric: $0, month: month) } }
        let keepLimit = max(1, valueBudget / 8 / max(1, summaryColumns.count + monthlyColumns.count))
        self.keepLimit = keepLimit
        cells =
            summaryColumns.map { Cell(column: $0, quantiles: ExactQuantiles(count: rows, probabilities: Self.summaryProbabilities, keepLimit: keepLimit)) }
            + monthlyColumns.map {
                Cell(column: $0, quantiles: ExactQuantiles(count: rows, probabilities: MonthlyQuantiles.probabilities, keepLimit: keepLimit))
            }
        monthlyCells = monthlyColumns.count

        met = [Int](repeating: 0, count: r.targets)
        let deadlines = Set(s.targets.map(\.deadline)).sorted()
        joint =
            s.targets.isEmpty
            ? []
            : deadlines.map { deadline in (deadline, s.targets.indices.filter { s.targets[$0].deadline == deadline }, 0) }
                + [(nil, Array(s.targets.indices), 0)]
        firstHits = [[Int]](repeating: [Int](repeating: 0, count: months), count: r.targets)

        targetValues = keep.contains(.targetValues) ? (0..<r.targets).map { _ in SharedBuffer(count: rows) } : []
        parameterValues = keep.contains(.parameterValues) ? SharedBuffer(count: rows * r.parameters.count) : nil
        trajectories = keep.contains(.trajectories) ? SharedBuffer(count: rows * months * s.metrics.count) : nil
    }

    /// How many times the records must be read: 1, or 2 when the values do not fit the budget
    /// (decided up front; after the first pass, `needsSecondPass` says whether it is still needed).
    public var passes: Int { rows <= keepLimit ? 1 : 2 }
    /// The most values of each quantity kept whole.
    private let keepLimit: Int

    /// After `finishFirstPass`: whether any quantile needs the records again.
    public var needsSecondPass: Bool { cells.contains { $0.quantiles.needsSecondPass } }

    /// Folds in the next block of records (in run order) of pass 1 or 2.
    public func absorb(_ block: RunBlock, pass: Int) {
        if pass == 1 { count(block) }
        let cells = cells, workers = min(threads, cells.count)
        guard workers > 0 else { return }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for cell in stride(from: worker, to: cells.count, by: workers).map({ cells[$0] }) {
                let values = block.column(cell.column)
                if pass == 1 {
                    for x in values { cell.moments.add(x) }
                    cell.quantiles.add(values)
                } else if cell.quantiles.needsSecondPass {
                    cell.quantiles.addAgain(values)
                }
            }
        }
    }

    public func finishFirstPass() {
        cells.forEach { $0.quantiles.finishFirstPass() }
    }

    /// The counts and the kept values of one block.
    private func count(_ block: RunBlock) {
        let s = scenario, r = record, months = s.calendar.monthCount
        var metFlags = [Bool](repeating: false, count: r.targets)
        for row in 0..<block.count {
            let run = block.first + row
            for j in 0..<r.targets {
                let value = block[row, r.targetOffset + j]
                metFlags[j] = s.targets[j].isMet(by: value)
                if metFlags[j] { met[j] += 1 }
                let hit = Int(block[row, r.firstHitOffset + j])
                if hit >= 0 { firstHits[j][hit] += 1 }
                if !targetValues.isEmpty { targetValues[j][run] = value }
            }
            for g in joint.indices where joint[g].members.allSatisfy({ metFlags[$0] }) { joint[g].met += 1 }
            if let parameterValues {
                for j in r.parameters.indices { parameterValues[run * r.parameters.count + j] = block[row, j] }
            }
            if let trajectories {
                for metric in 0..<s.metrics.count {
                    for month in 0..<months {
                        trajectories[(metric * months + month) * rows + run] = block[row, r.trajectoryColumn(metric: metric, month: month)]
                    }
                }
            }
        }
    }

    /// The summary, once every pass is over.
    public func summary() -> SimulationSummary {
        let s = scenario, runs = rows
        let targets = s.targets.indices.map { j in
            let q = cells[j].quantiles.quantiles()
            let hits = firstHits[j].reduce(0, +)
            // The lower median of the first months: the ((hits − 1)/2)-th in order.
            var month: Month?
            if hits > 0 {
                var below = 0, offset = 0
                while below + firstHits[j][offset] <= (hits - 1) / 2 {
                    below += firstHits[j][offset]
                    offset += 1
                }
                month = s.calendar.month(at: offset)
            }
            return TargetSummary(
                target: s.targets[j], met: met[j], runs: runs, interval: Statistics.wilson(successes: met[j], trials: runs),
                median: q[0], p05: q[1], p95: q[2], medianFirstMonth: month,
                neverShare: Double(runs - hits) / Double(runs),
                verdict: s.verdict.verdict(for: Double(met[j]) / Double(runs)))
        }
        let jointProbabilities = joint.map {
            JointProbability(
                deadline: $0.deadline, targetIDs: $0.members.map { s.targets[$0].id }, met: $0.met, runs: runs,
                interval: Statistics.wilson(successes: $0.met, trials: runs))
        }
        let increments = StageIncrement.metrics.count
        let stageIncrements = (0..<record.stages * increments).map { k in
            let cell = cells[record.targets + k], q = cell.quantiles.quantiles()
            return StageIncrementSummary(
                stage: s.calendar.stages[k / increments].id, metric: StageIncrement.metrics[k % increments],
                mean: cell.moments.mean, median: q[0], p05: q[1], p95: q[2])
        }
        return SimulationSummary(targets: targets, joint: jointProbabilities, stageIncrements: stageIncrements)
    }

    /// Every month × metric asked for, month-major (empty unless asked for), once every pass is
    /// over; the cells are selected on `threads` threads.
    public func monthly() -> [MonthlyQuantiles] {
        let s = scenario, metrics = monthlyMetrics.map { s.metrics[$0] }, first = cells.count - monthlyCells
        let rows = ResultSlots<MonthlyQuantiles>(count: monthlyCells), cells = cells
        let workers = max(1, min(threads, monthlyCells))
        DispatchQueue.concurrentPerform(iterations: monthlyCells == 0 ? 0 : workers) { worker in
            for k in stride(from: worker, to: rows.count, by: workers) {
                let month = k / metrics.count, cell = cells[first + k]
                rows[k] = MonthlyQuantiles(
                    month: s.calendar.month(at: month), stage: s.calendar.stages[s.calendar.stageIndexOfMonth[month]].id,
                    metric: metrics[k % metrics.count], mean: cell.moments.mean, sd: cell.moments.sd,
                    quantiles: cell.quantiles.quantiles())
            }
        }
        return monthlyCells == 0 ? [] : rows.values
    }

    /// The one collection loop: every block `source` hands over absorbed in a first pass (each
    /// also handed to `eachBlock`, e.g. to write runs.csv), a second pass over `source` when the
    /// exact quantiles need one, then the result. `source` hands every block, in run order, to its
    /// argument each time it is called: blocks simulated anew (`MonteCarlo`), or read back from
    /// part files (`merge`). `progress` counts the runs of both passes.
    public func collect<E: Error>(
        seed: UInt64, progress: MonteCarlo.Progress?, eachBlock: ((RunBlock) throws(E) -> Void)?,
        source: (_ body: (RunBlock) throws(E) -> Void) throws(E) -> Void
    ) throws(E) -> SimulationResult {
        let total = rows * passes
        var done = 0
        try source { (block: RunBlock) throws(E) in
            absorb(block, pass: 1)
            try eachBlock?(block)
            done += block.count
            progress?(done, total)
        }
        finishFirstPass()
        if needsSecondPass {
            try source { (block: RunBlock) throws(E) in
                absorb(block, pass: 2)
                done += block.count
                progress?(done, total)
            }
        }
        progress?(total, total)
        return result(seed: seed)
    }

    /// Everything collected, once every pass is over.
    public func result(seed: UInt64) -> SimulationResult {
        SimulationResult(
            scenario: scenario, seed: seed, runs: rows, summary: summary(), monthly: monthly(),
            uncertainParameters: record.parameters, parameterValues: parameterValues?.array ?? [],
            targetValues: targetValues.map(\.array), trajectories: trajectories)
    }
}
