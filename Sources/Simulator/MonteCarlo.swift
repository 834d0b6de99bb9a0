import Dispatch
import PilotModel

/// Runs a scenario many times, spread over threads; every run's draws come from its own streams
/// (MODEL.md §6), so the result is the same to the bit whatever the thread count.
public struct MonteCarlo: Sendable {
    public var scenario: Scenario
    public var seed: UInt64
    public var threads: Int
    /// Keep every metric of every month of every run (for monthly quantiles); costs
    /// runs × months × metrics × 8 bytes.
    public var keepTrajectories: Bool
    /// Keep every run's drawn parameters (runs.csv, `explain`, `condition`); costs runs ×
    /// uncertain parameters × 8 bytes (450 bytes a run for the baseline).
    public var keepParameters: Bool

    public init(scenario: Scenario, seed: UInt64, threads: Int, keepTrajectories: Bool = false, keepParameters: Bool = true) {
        self.scenario = scenario
        self.seed = seed
        self.threads = max(1, threads)
        self.keepTrajectories = keepTrajectories
        self.keepParameters = keepParameters
    }

    /// The memory that keeping trajectories takes for `runs` runs: runs × months × metrics × 8 bytes.
    public func trajectoryBytes(runs: Int) -> Int {
        runs * scenario.calendar.monthCount * scenario.metrics.count * MemoryLayout<Double>.size
    }

    /// Simulates runs `0..<runs`; `progress`, if given, is called now and then (from one thread)
    /// with an estimate of the runs done.
    public func run(runs: Int, progress: (@Sendable (Int) -> Void)? = nil) -> SimulationResult {
        precondition(runs > 0, "at least one run")
        return run(indices: 0..<runs, progress: progress)
    }

    /// Simulates the runs with indices `indices` (a shard of a larger simulation): row r of the
    /// result is run `indices.lowerBound + r`, exactly as in a simulation of all runs.
    public func run(indices: Range<Int>, progress: (@Sendable (Int) -> Void)? = nil) -> SimulationResult {
        let s = scenario, seed = self.seed, first = indices.lowerBound
        let correlated = indices.isEmpty ? nil : correlatedValues(blocks: (first / ImanConover.blockSize)...((indices.upperBound - 1) / ImanConover.blockSize))
        return simulate(rows: indices.count, progress: progress) {
            let draws = ParameterDraws(s.parameters)
            return { row, values in
                let run = first + row
                let key = StreamSeeding.runKey(seed: seed, run: run)
                draws.draw(runKey: key, into: &values)
                if let (members, firstBlock, blocks) = correlated {
                    let correlatedRow = blocks[run / ImanConover.blockSize - firstBlock][run % ImanConover.blockSize]
                    for (c, i) in members.enumerated() { values[i] = correlatedRow[c] }
                }
                return key
            }
        }
    }

    /// Simulates `rows` runs whose inputs `makeInputs` gives: called once per worker thread, it
    /// returns a function that fills a row's parameter values (one slot per scenario parameter)
    /// and returns the row's run key (its process streams). Rows are kept in row order.
    func simulate(rows runs: Int, progress: (@Sendable (Int) -> Void)? = nil,
                  makeInputs: @Sendable () -> (_ row: Int, _ values: inout [Double]) -> UInt64) -> SimulationResult {
        let s = scenario, months = s.calendar.monthCount
        let metricCount = s.metrics.count
        let uncertain = s.uncertainParameters
        let targetCount = s.targets.count
        let stageEnds = s.calendar.stages.map { s.calendar.offset(of: $0.to) }
        let incrementColumns = StageIncrement.metrics.map { s.metrics.firstIndex(of: $0)! }
        let initialValues = [Double(s.personal.initial + s.corporate.initial), Double(s.merchants.initial), 0]

        let kept = keepParameters ? uncertain : []
        let parameterValues = SharedBuffer(count: runs * kept.count)
        let targetValues = (0..<targetCount).map { _ in SharedBuffer(count: runs) }
        let firstHit = (0..<targetCount).map { _ in SharedBuffer(count: runs) }
        let increments = (0..<stageEnds.count * incrementColumns.count).map { _ in SharedBuffer(count: runs) }
        let trajectories = keepTrajectories ? SharedBuffer(count: runs * months * metricCount) : nil
        let workers = min(threads, runs)
        let seed = self.seed

        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let evaluator = RunEvaluator(s)
            let inputs = makeInputs()
            var values = [Double](repeating: 0, count: s.parameters.count)
            var run = worker
            while run < runs {
                let key = inputs(run, &values)
                evaluator.simulate(values, runKey: key)

                for (j, i) in kept.enumerated() { parameterValues[run * kept.count + j] = values[i] }
                for j in 0..<targetCount {
                    let outcome = evaluator.outcome(target: j)
                    targetValues[j][run] = outcome.value
                    firstHit[j][run] = Double(outcome.firstHit)
                }
                for (stage, end) in stageEnds.enumerated() {
                    for (j, column) in incrementColumns.enumerated() {
                        let before = stage == 0 ? initialValues[j] : evaluator.metric(column, month: stageEnds[stage - 1])
                        increments[stage * incrementColumns.count + j][run] = evaluator.metric(column, month: end) - before
                    }
                }
                if let trajectories {
                    for metric in 0..<metricCount {
                        for month in 0..<months {
                            trajectories[(metric * months + month) * runs + run] = evaluator.metric(metric, month: month)
                        }
                    }
                }
                run += workers
                if worker == 0, let progress, (run / workers) % 256 == 0 { progress(min(runs, run)) }
            }
        }
        progress?(runs)

        return SimulationResult(
            scenario: s, seed: seed, runs: runs, uncertainParameters: kept,
            parameterValues: parameterValues.array,
            targetValues: targetValues.map(\.array),
            firstHit: firstHit.map { $0.array.map { Int32($0) } },
            stageIncrements: (0..<stageEnds.count).map { stage in
                (0..<incrementColumns.count).map { increments[stage * incrementColumns.count + $0].array }
            },
            trajectories: trajectories)
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
