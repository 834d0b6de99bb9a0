import Dispatch

/// Variance-based global sensitivity (Sobol indices) of any function of inputs in (0, 1)^d.
///
/// Saltelli's design: two N × d matrices A and B, and for each input i the matrix ABᵢ — A with
/// column i taken from B — so N(d + 2) evaluations. With f₀ and V the mean and variance of f over
/// A and B: first-order Sᵢ = mean((f(B) − f₀)·(f(ABᵢ) − f(A)))/V (Saltelli et al. 2010, "Variance
/// based sensitivity analysis of model output", Comput. Phys. Commun. 181, table 2 (b), on
/// centred outputs as SALib computes it: without centring the estimator's variance grows with
/// f₀²/V, and an output far from zero gets S₁ of any size and sign) and total
/// Sₜᵢ = mean((f(A) − f(ABᵢ))²)/(2V) (Jansen 1999, table 2 (f)).
///
/// The Sobol design is randomised by a digital shift from the seed (every coordinate's 32 bits
/// XOR-ed with a random word per dimension, which keeps the sequence's net structure), so another
/// seed gives another, equally good design. 95% intervals are bootstrap percentiles over the N
/// rows; they treat the rows as independent draws, which for the Sobol design overstates the
/// error a little (its rows are more even than independent ones): they are conservative, and the
/// spread of estimates over seeds is the direct check.
public enum SobolAnalysis {
    /// How the rows of A and B were chosen.
    public enum Design: String, Sendable {
        /// GSL's Sobol sequence in 2d dimensions: A from the first d, B from the last d (d ≤ 20).
        case sobol
        /// Uniform draws, for more inputs than GSL's Sobol sequence has dimensions (40 = 2 × 20).
        case pseudoRandom = "pseudo-random"
    }

    /// The indices of one input for one output, with bootstrap 95% intervals.
    public struct Indices: Sendable {
        public let firstOrder: Double, firstOrderInterval: ClosedRange<Double>
        public let total: Double, totalInterval: ClosedRange<Double>
    }

    public struct Estimate: Sendable {
        public let design: Design
        public let samples: Int
        /// `indices[output][input]`; empty for an output that did not vary (V = 0).
        public let indices: [[Indices]]
        public var evaluations: Int { samples * ((indices.first?.count ?? 0) + 2) }
    }

    /// Estimates the indices of `outputs` outputs of a model with `inputs` inputs from `samples` rows.
    ///
    /// - Parameters:
    ///   - makeModel: called once per worker thread; returns that worker's model, which maps a point
    ///     of (0, 1)^inputs to the outputs. Points never have a coordinate of exactly 0 or 1.
    ///   - seed: drives the design's shift or draws, and the bootstrap.
    public static func estimate(
        inputs: Int, outputs: Int, samples: Int, seed: UInt64, threads: Int, resamples: Int = 500,
        progress: (@Sendable (_ evaluated: Int, _ of: Int) -> Void)? = nil,
        makeModel: @Sendable (_ worker: Int) -> ([Double]) -> [Double]
    ) -> Estimate {
        let f = evaluate(
            inputs: inputs, outputs: outputs, samples: samples, seed: seed, threads: threads,
            rows: 0..<(samples * (inputs + 2)), progress: progress, makeModel: makeModel)
        return estimate(f, inputs: inputs, samples: samples, seed: seed, resamples: resamples)
    }

    /// The model's outputs at the design's rows `rows` (a shard of the N(d + 2) rows: A, B, then
    /// AB₀ … AB_{d−1}), output-major: `f[output][row − rows.lowerBound]`.
    public static func evaluate(
        inputs: Int, outputs: Int, samples: Int, seed: UInt64, threads: Int, rows: Range<Int>,
        progress: (@Sendable (_ evaluated: Int, _ of: Int) -> Void)? = nil,
        makeModel: @Sendable (_ worker: Int) -> ([Double]) -> [Double]
    ) -> [[Double]] {
        precondition(inputs >= 1 && outputs >= 1 && samples >= 2)
        let (_, a, b) = matrices(inputs: inputs, samples: samples, seed: seed)
        let count = rows.count, first = rows.lowerBound
        /// The buffers filled, then handed over whole, so that each can be freed once copied out.
        func filled() -> [SharedBuffer] {
            let f = (0..<outputs).map { _ in SharedBuffer(count: count) }
            let workers = max(1, min(threads, count))
            if count > 0 {
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    let model = makeModel(worker)
                    for k in stride(from: worker, to: count, by: workers) {
                        let row = first + k
                        let block = row / samples, j = row % samples
                        var point: [Double]
                        switch block {
                        case 0: point = a[j]
                        case 1: point = b[j]
                        default:
                            point = a[j]
                            point[block - 2] = b[j][block - 2]
                        }
                        for (o, value) in model(point).enumerated() { f[o][k] = value }
                        if worker == 0, let progress, (k / workers) % 64 == 0 { progress(k, count) }
                    }
                }
            }
            return f
        }
        var f = filled()
        progress?(count, count)
        // Each output copied out and its buffer freed in turn: at most one output is held twice.
        var values: [[Double]] = []
        while !f.isEmpty { values.append(f.removeFirst().array) }
        return values
    }

    /// The indices from the outputs at every row (`f[output][row]`), with bootstrap intervals.
    ///
    /// The resamples are drawn one at a time, each used for every output and input before the
    /// next, so that only one resample's rows are held.
    public static func estimate(_ f: [[Double]], inputs: Int, samples: Int, seed: UInt64, resamples: Int = 500) -> Estimate {
        precondition(resamples >= 1)
        let random = RandomSource(key: StreamSeeding.streamKey(runKey: seed, name: StreamSeeding.name(of: "sobol:bootstrap")))
        let varies = f.map { Statistics.meanAndSD($0[0..<(2 * samples)]).sd > 0 }
        let points = f.indices.map { o in varies[o] ? (0..<inputs).map { indicesOf(f[o], input: $0, samples: samples, rows: 0..<samples) } : [] }
        var boot = f.indices.map { o in varies[o] ? [(s1: [Double], st: [Double])](repeating: ([], []), count: inputs) : [] }
        var rows = [Int](repeating: 0, count: samples)
        for _ in 0..<resamples {
            for j in rows.indices { rows[j] = Int(random.uniform() * Double(samples)) }
            for o in f.indices where varies[o] {
                for i in 0..<inputs {
                    let estimate = indicesOf(f[o], input: i, samples: samples, rows: rows)
                    boot[o][i].s1.append(estimate.s1)
                    boot[o][i].st.append(estimate.st)
                }
            }
        }
        let indices = f.indices.map { o in
            (0..<points[o].count).map { i in
                Indices(
                    firstOrder: points[o][i].s1, firstOrderInterval: percentileInterval(boot[o][i].s1),
                    total: points[o][i].st, totalInterval: percentileInterval(boot[o][i].st))
            }
        }
        return Estimate(design: design(inputs: inputs), samples: samples, indices: indices)
    }

    /// Which design `inputs` inputs get.
    public static func design(inputs: Int) -> Design { 2 * inputs <= SobolSequence.maximumDimension ? .sobol : .pseudoRandom }

    /// S₁ and Sₜ of input `input` from the evaluations at `rows` (all rows, or a bootstrap
    /// resample) of one output's values: f(A) at 0..<N, f(B) at N..<2N, f(ABᵢ) at (i + 2)N..<(i + 3)N.
    private static func indicesOf<Rows: Collection<Int>>(_ values: [Double], input: Int, samples: Int, rows: Rows) -> (s1: Double, st: Double) {
        let n = Double(rows.count), m = 2 * n, ab = (input + 2) * samples
        // Two passes: the mean first, so that products and squares are of centred values.
        var sum = 0.0
        for j in rows { sum += values[j] + values[samples + j] }
        let mean = sum / m
        var first = 0.0, total = 0.0, sumSquares = 0.0
        for j in rows {
            let a = values[j] - mean, b = values[samples + j] - mean, difference = values[ab + j] - values[j]
            first += b * difference
            total += difference * difference
            sumSquares += a * a + b * b
        }
        let variance = sumSquares / (m - 1)
        guard variance > 0 else { return (0, 0) }
        return (first / n / variance, total / (2 * n) / variance)
    }

    private static func percentileInterval(_ values: [Double]) -> ClosedRange<Double> {
        var copy = values
        let q = OrderStatistics.quantiles(&copy, at: [0.025, 0.975])
        return q[0]...q[1]
    }

    /// The rows of A and B, each coordinate in (0, 1).
    private static func matrices(inputs: Int, samples: Int, seed: UInt64) -> (Design, [[Double]], [[Double]]) {
        if design(inputs: inputs) == .sobol {
            let sequence = SobolSequence(dimension: 2 * inputs)
            let random = RandomSource(key: StreamSeeding.streamKey(runKey: seed, name: StreamSeeding.name(of: "sobol:shift")))
            let shifts = (0..<(2 * inputs)).map { _ in UInt32(random.uniform() * 0x1p32) }
            var a: [[Double]] = [], b: [[Double]] = []
            for _ in 0..<samples {
                let point = zip(sequence.next(), shifts).map { digitalShift($0, by: $1) }
                a.append(Array(point[0..<inputs]))
                b.append(Array(point[inputs...]))
            }
            return (.sobol, a, b)
        }
        let random = RandomSource(key: StreamSeeding.streamKey(runKey: seed, name: StreamSeeding.name(of: "sobol:design")))
        let a = (0..<samples).map { _ in (0..<inputs).map { _ in random.uniformPositive() } }
        let b = (0..<samples).map { _ in (0..<inputs).map { _ in random.uniformPositive() } }
        return (.pseudoRandom, a, b)
    }

    /// `u` in [0, 1) with its first 32 binary digits XOR-ed with `shift`, moved to the middle of
    /// its 2⁻³² cell so that it is never 0 or 1. GSL's Sobol points have at most 31 digits, so the
    /// shift loses nothing.
    static func digitalShift(_ u: Double, by shift: UInt32) -> Double {
        let digits = UInt32(min(u * 0x1p32, 0x1p32 - 1)) ^ shift
        return (Double(digits) + 0.5) * 0x1p-32
    }
}
