import Dispatch
import PilotModel

/// Runs a scenario many times, spread over threads; every run's draws come from its own streams
/// (docs/model.md §6), so the result is the same to the bit whatever the thread count.
///
/// The runs go in blocks of `blockRuns`: the workers simulate a block's runs into its records,
/// and the block is then handed on in run order — to a `RunCollector` (the summary, the monthly
/// quantiles, the kept values) and to whatever writes the runs out as they come.
public struct MonteCarlo: Sendable {
    /// The per-run values a simulation keeps, beyond its summary.
    public struct Keep: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Every run's drawn uncertain parameters (8 bytes each a run; 456 bytes for the baseline).
        public static let parameterValues = Keep(rawValue: 1)
        /// Every run's deciding value of each target (8 bytes each a run).
        public static let targetValues = Keep(rawValue: 2)
        /// Every metric of every month of every run (8 bytes each a run; 4.6 KB for the baseline).
        public static let trajectories = Keep(rawValue: 4)
        /// Not per run: the monthly quantiles (`SimulationResult.monthly`).
        public static let monthlyQuantiles = Keep(rawValue: 8)
        public static let all: Keep = [.parameterValues, .targetValues, .trajectories, .monthlyQuantiles]
    }

    public var scenario: Scenario
    public var seed: UInt64
    public var threads: Int
    public var keep: Keep
    /// With `.monthlyQuantiles`: the metrics whose monthly quantiles are collected (all when nil).
    public var monthlyMetrics: Set<Metric>?
    /// Conditioned particles to run instead of plain runs of the seed (`run(runs:)` then takes
    /// `runs` equal to the particles; row r is particle r).
    public var sample: ConditionedSample?
    /// A simulation of another plan with the same seed that kept its parameter values: each
    /// parameter it drew alike (same stream, distribution and domain) is taken from it instead of
    /// drawn again, for the runs it has — the same values, in less time (`KnownDraws`).
    public var knownDraws: SimulationResult?
    /// Bytes of values kept to select quantiles in one pass (`RunCollector.valueBudget`).
    var valueBudget = RunCollector.valueBudget

    public init(scenario: Scenario, seed: UInt64, threads: Int, keep: Keep = [.parameterValues, .targetValues]) {
        self.scenario = scenario
        self.seed = seed
        self.threads = max(1, threads)
        self.keep = keep
    }

    /// Runs a block holds; blocks start at multiples of it in run index.
    public static let blockRuns = 4 * ImanConover.blockSize

    /// Progress: runs simulated so far, of all the simulation will (counting a second pass).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Simulates runs `0..<runs`.
    public func run(runs: Int, progress: Progress? = nil) -> SimulationResult {
        precondition(runs > 0, "at least one run")
        return collect(rows: runs, firstRun: 0, progress: progress, eachBlock: Self.nothing, blockInputs: runInputs(first: 0))
    }

    /// No block handler: a collection that cannot fail.
    private static var nothing: ((RunBlock) throws(Never) -> Void)? { nil }

    /// Simulates the runs with indices `indices`, exactly as in a simulation of all runs; hands
    /// every block of the first pass, in run order, to `eachBlock` (its records carry the
    /// parameters, and every month when `keep` has trajectories or monthly quantiles).
    public func run<E: Error>(indices: Range<Int>, progress: Progress? = nil, eachBlock: @escaping (RunBlock) throws(E) -> Void) throws(E) -> SimulationResult {
        try collect(
            rows: indices.count, firstRun: indices.lowerBound, progress: progress, eachBlock: eachBlock, blockInputs: runInputs(first: indices.lowerBound))
    }

    /// Simulates the runs with indices `indices` and hands each block's records — `record`'s
    /// columns — to `body` in run order; nothing is collected.
    public func forEachBlock(indices: Range<Int>, record: RunRecord, progress: Progress? = nil, _ body: (RunBlock) throws -> Void) rethrows {
        var done = 0
        try forEachBlock(rows: indices.count, firstRun: indices.lowerBound, record: record, blockInputs: runInputs(first: indices.lowerBound)) { block in
            try body(block)
            done += block.count
            progress?(done, indices.count)
        }
    }

    /// Simulates `rows` runs whose inputs `makeInputs` gives: called once per worker and block, it
    /// returns a function that fills a row's parameter values (one slot per scenario parameter)
    /// and returns the row's process noise. Rows are kept in row order.
    func simulate(rows: Int, makeInputs: @escaping @Sendable () -> (_ row: Int, _ values: inout [Double]) -> RunNoise) -> SimulationResult {
        collect(rows: rows, firstRun: 0, progress: nil, eachBlock: Self.nothing) { _ in makeInputs }
    }

    typealias BlockInputs = (_ rows: Range<Int>) -> @Sendable () -> (_ row: Int, _ values: inout [Double]) -> RunNoise

    /// The driver of every simulation: collects rows `0..<rows` in one or two passes, through
    /// `RunCollector.collect`, the one collection loop (merge feeds it blocks read back from parts).
    private func collect<E: Error>(
        rows: Int, firstRun: Int, progress: Progress?, eachBlock: ((RunBlock) throws(E) -> Void)?,
        blockInputs: BlockInputs
    ) throws(E) -> SimulationResult {
        let collector = RunCollector(
            scenario: scenario, rows: rows, keep: keep, threads: threads, recordsParameters: eachBlock != nil,
            monthlyMetrics: monthlyMetrics, valueBudget: valueBudget)
        return try collector.collect(seed: seed, progress: progress, eachBlock: eachBlock) { (body: (RunBlock) throws(E) -> Void) throws(E) in
            try forEachBlock(rows: rows, firstRun: firstRun, record: collector.record, blockInputs: blockInputs, body)
        }
    }

    /// Simulates rows `0..<rows` (run indices from `firstRun`) block by block, blocks ending at
    /// multiples of `blockRuns` in run index, and hands each to `body` in order.
    private func forEachBlock<E: Error>(
        rows: Int, firstRun: Int, record: RunRecord, blockInputs: BlockInputs,
        _ body: (RunBlock) throws(E) -> Void
    ) throws(E) {
        let block = RunBlock(record: record, capacity: Self.blockRuns)
        let s = scenario
        var next = 0
        while next < rows {
            let start = next, end = min(rows, ((firstRun + start) / Self.blockRuns + 1) * Self.blockRuns - firstRun)
            block.reset(first: start, count: end - start)
            let makeInputs = blockInputs(start..<end)
            let workers = min(threads, end - start)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let evaluator = RunEvaluator(s)
                let inputs = makeInputs()
                var values = [Double](repeating: 0, count: s.parameters.count)
                for row in stride(from: start + worker, to: end, by: workers) {
                    let noise = inputs(row, &values)
                    evaluator.simulate(values, noise: noise)
                    block.write(evaluator, values: values, row: row - start)
                }
            }
            try body(block)
            next = end
        }
    }

    /// The inputs of plain runs (row r is run `first + r`): each run's own draws, and the
    /// correlated parameters' values of the correlation blocks the rows touch.
    private func runInputs(first: Int) -> BlockInputs {
        if let sample {
            precondition(first == 0, "conditioned particles are not sharded")
            let inputs = sample.inputs(for: scenario)
            return { _ in inputs }
        }
        let known = knownDraws.flatMap { KnownDraws($0, for: scenario, seed: seed) }
        return { rows in
            let s = scenario, seed = seed
            let runs = (first + rows.lowerBound)..<(first + rows.upperBound)
            let known = known.flatMap { $0.runs >= runs.upperBound ? $0 : nil }
            let correlated =
                known?.correlated == true
                ? nil : correlatedValues(blocks: (runs.lowerBound / ImanConover.blockSize)...((runs.upperBound - 1) / ImanConover.blockSize))
            return {
                let draws = ParameterDraws(s.parameters)
                return { row, values in
                    let run = first + row
                    let key = StreamSeeding.runKey(seed: seed, run: run)
                    if let known { known.fill(run: run, runKey: key, draws: draws, into: &values) } else { draws.draw(runKey: key, into: &values) }
                    if let (members, firstBlock, blocks) = correlated {
                        let correlatedRow = blocks[run / ImanConover.blockSize - firstBlock][run % ImanConover.blockSize]
                        for (c, i) in members.enumerated() { values[i] = correlatedRow[c] }
                    }
                    return RunNoise(runKey: key)
                }
            }
        }
    }
}

extension MonteCarlo {
    /// The values of the correlated parameters in the blocks `blocks` (`nil` without
    /// correlations), computed in parallel over blocks.
    func correlatedValues(blocks: ClosedRange<Int>) -> (members: [Int], first: Int, blocks: [[[Double]]])? {
        guard let method = ImanConover(scenario) else { return nil }
        let count = blocks.count
        let slots = ResultSlots<[[Double]]>(count: count)
        let scenario = scenario, seed = seed
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { worker in
            let draws = ParameterDraws(scenario.parameters)
            for b in stride(from: worker, to: count, by: min(threads, count)) {
                slots[b] = method.block(blocks.lowerBound + b, seed: seed, draws: draws)
            }
        }
        return (method.members, blocks.lowerBound, slots.values)
    }
}

/// A target's columns and months, resolved once for the per-run check.
struct TargetColumns {
    let column: Int
    let deadline: Int
    let base: Int?
    let threshold: Double

    init(target: Target, scenario: Scenario) {
        column = scenario.metrics.firstIndex(of: target.metric)!
        deadline = scenario.calendar.offset(of: target.deadline)
        base = target.base.map { scenario.calendar.offset(of: $0) }
        threshold = target.threshold
    }

    /// The deciding value and the first month (−1: never) at which the condition held.
    func evaluate(_ metrics: [Double], metricCount: Int, months: Int) -> (value: Double, firstHit: Int) {
        let baseValue = base.map { metrics[$0 * metricCount + column] } ?? 0
        let value = metrics[deadline * metricCount + column] - baseValue
        var first = -1
        for month in ((base ?? -1) + 1)..<months where Target.isMet(metrics[month * metricCount + column] - baseValue, threshold: threshold) {
            first = month
            break
        }
        return (value, first)
    }
}
