import PilotModel

/// Consecutive runs' records, column-major, filled by the workers of a simulation (each its own
/// rows) or read from part files, then handed on in run order.
public final class RunBlock: @unchecked Sendable {
    public let record: RunRecord
    public let capacity: Int
    /// The row index (in the whole simulation) of the block's first run.
    public internal(set) var first = 0
    public internal(set) var count = 0
    private let storage: UnsafeMutableBufferPointer<Double>

    public init(record: RunRecord, capacity: Int) {
        self.record = record
        self.capacity = capacity
        storage = .allocate(capacity: record.width * capacity)
        storage.initialize(repeating: 0)
    }

    deinit { storage.deallocate() }

    /// The rows `first ..< first + count` that the block holds next.
    public func reset(first: Int, count: Int) {
        precondition(count <= capacity)
        self.first = first
        self.count = count
    }

    /// The value of `column` in the block's row `row` (0-based within the block).
    public subscript(row: Int, column: Int) -> Double {
        get { storage[column * capacity + row] }
        set { storage[column * capacity + row] = newValue }
    }

    /// One column's values over the block's rows.
    func column(_ column: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(rebasing: storage[(column * capacity)..<(column * capacity + count)])
    }

    /// Writes the run the evaluator last simulated, with parameter values `values`, into row `row`.
    func write(_ evaluator: RunEvaluator, values: [Double], row: Int) {
        let r = record
        for (j, i) in r.parameters.enumerated() { self[row, j] = values[i] }
        for j in 0..<r.targets {
            let outcome = evaluator.outcome(target: j)
            self[row, r.targetOffset + j] = outcome.value
            self[row, r.firstHitOffset + j] = Double(outcome.firstHit)
        }
        let increments = StageIncrement.metrics.count
        for stage in 0..<r.stages {
            for j in 0..<increments {
                self[row, r.incrementOffset + stage * increments + j] = evaluator.stageIncrement(stage: stage, metric: j)
            }
        }
        if r.trajectories {
            // Metric-major, as `RunRecord.trajectoryColumn` numbers them.
            var column = r.trajectoryOffset
            for metric in r.trajectoryMetrics {
                for month in 0..<r.months {
                    self[row, column] = evaluator.metric(metric, month: month)
                    column += 1
                }
            }
        }
    }
}
