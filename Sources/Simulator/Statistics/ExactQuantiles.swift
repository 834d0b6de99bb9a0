/// Exact type-7 quantiles of a stream of values read once or, when it is long, twice in the same
/// order (a simulation run again from the same seed, or part files read again), in memory that
/// does not grow with the stream.
///
/// - A stream of at most `keepLimit` values is kept whole and its order statistics are selected
///   (`OrderStatistics`): one pass.
/// - A longer one is read twice. The first pass keeps its first `pilotCount` values, takes every
///   `pilotCount / binCount`-th of them in sorted order as edges, and from then on only counts how
///   many values fall on each edge and inside each open interval between neighbouring edges. That
///   places every rank a quantile needs either on an edge — its value is then known — or inside
///   one interval; the second pass keeps only the values inside those intervals and selects among
///   them. The edges are quantiles of the first values, so each interval holds about
///   1/`binCount` of the stream whatever its distribution, and a value common enough to matter
///   (ties, as in counts) becomes an edge of its own.
///
/// The quantiles are those of `OrderStatistics.quantiles` over the whole stream, to the bit.
/// Not thread-safe: one thread at a time feeds a stream.
final class ExactQuantiles: @unchecked Sendable {
    let probabilities: [Double]
    /// How many values the stream has.
    let count: Int
    private let ranks: [Int]
    private let pilotCount: Int, binCount: Int

    /// Every value (one-pass), or the first ones until the edges are fixed (two-pass).
    private var kept: [Double] = []
    private var edges: [Double] = []
    /// For a value between the first and the last edge: the edges below the start of its slot of
    /// `guideWidth`, which narrows the search for its bin.
    private var guide: [Int32] = []
    private var guideWidth = 0.0
    /// Bin 2i + 1 is the point edges[i], bin 2i the open interval below it (edges[−1] = −∞,
    /// edges[edges.count] = +∞).
    private var counts: [Int] = []
    private var seen = 0
    /// After the first pass: the values of the ranks that fell on edges.
    private var known: [Int: Double] = [:]
    /// After the first pass: the intervals holding the other ranks, and the values of the second pass in them.
    private var intervals: [(low: Double, high: Double, firstRank: Int, count: Int, values: [Double])] = []

    init(count: Int, probabilities: [Double], keepLimit: Int, pilotCount: Int = 16_384, binCount: Int = 1024) {
        precondition(count > 0 && keepLimit > 0 && pilotCount > 0 && binCount > 0)
        self.count = count
        self.probabilities = probabilities
        ranks = OrderStatistics.ranks(count: count, probabilities: probabilities)
        self.pilotCount = count <= keepLimit ? count : min(pilotCount, keepLimit)
        self.binCount = min(binCount, self.pilotCount)
        kept.reserveCapacity(self.pilotCount)
    }

    /// Whether the stream must be read a second time (known once the first pass is over).
    private(set) var needsSecondPass = false

    /// Feeds the next values of the first pass.
    func add(_ values: UnsafeBufferPointer<Double>) {
        seen += values.count
        var rest = values[...]
        if edges.isEmpty {
            let room = min(pilotCount - kept.count, rest.count)
            kept += rest.prefix(room)
            rest = rest.dropFirst(room)
            guard kept.count == pilotCount, pilotCount < count else { return }
            fixEdges()
        }
        count(rest)
    }

    /// Counts values into the bins. The arrays are taken out of the object for the loop, so that
    /// it runs over plain buffers (no exclusivity checks on the properties, no copies).
    private func count<C: Collection<Double>>(_ values: C) {
        var counts = self.counts
        self.counts = []
        let width = guideWidth
        edges.withUnsafeBufferPointer { edges in
            guide.withUnsafeBufferPointer { guide in
                counts.withUnsafeMutableBufferPointer { counts in
                    for x in values { counts[Self.bin(of: x, edges: edges, guide: guide, guideWidth: width)] += 1 }
                }
            }
        }
        self.counts = counts
    }

    /// Ends the first pass: locates each rank the quantiles need.
    func finishFirstPass() {
        precondition(seen == count, "the stream had \(seen) values, not \(count)")
        guard !edges.isEmpty else { return }
        var below = 0, bin = 0
        for rank in ranks {
            while below + counts[bin] <= rank {
                below += counts[bin]
                bin += 1
            }
            if bin % 2 == 1 {
                known[rank] = edges[bin / 2]
            } else if intervals.last?.firstRank != below {
                let i = bin / 2
                intervals.append((i == 0 ? -.infinity : edges[i - 1], i == edges.count ? .infinity : edges[i], below, counts[bin], []))
            }
        }
        counts = []
        guide = []
        needsSecondPass = !intervals.isEmpty
    }

    /// Feeds the next values of the second pass.
    func addAgain(_ values: UnsafeBufferPointer<Double>) {
        let lows = intervals.map(\.low), highs = intervals.map(\.high)
        var found = intervals.map { _ in [Double]() }
        for x in values {
            for i in lows.indices where x > lows[i] && x < highs[i] {
                found[i].append(x)
                break
            }
        }
        for i in found.indices where !found[i].isEmpty { intervals[i].values += found[i] }
    }

    /// How many values the second pass kept.
    var keptInSecondPass: Int { intervals.reduce(0) { $0 + $1.values.count } }

    /// The quantiles at `probabilities`, once every pass is over.
    func quantiles() -> [Double] {
        if edges.isEmpty { return OrderStatistics.quantiles(&kept, at: probabilities) }
        for i in intervals.indices {
            precondition(intervals[i].values.count == intervals[i].count, "the second pass read other values than the first")
            intervals[i].values.sort()
        }
        return OrderStatistics.interpolate(count: count, probabilities: probabilities) { rank in
            if let value = known[rank] { return value }
            let interval = intervals.last { $0.firstRank <= rank }!
            return interval.values[rank - interval.firstRank]
        }
    }

    /// Fixes the edges from the first values and counts those values.
    private func fixEdges() {
        let sorted = kept.sorted()
        let step = sorted.count / binCount
        for k in stride(from: step - 1, to: sorted.count, by: step) where edges.last != sorted[k] {
            edges.append(sorted[k])
        }
        let first = edges[0], last = edges[edges.count - 1]
        guideWidth = (last - first) / Double(edges.count)
        if guideWidth.isFinite && guideWidth > 0 {
            guide = edges.withUnsafeBufferPointer { edges in
                (0...edges.count).map { g in Int32(Self.lowerBound(first + Double(g) * guideWidth, in: edges, 0..<edges.count)) }
            }
        }
        counts = [Int](repeating: 0, count: 2 * edges.count + 1)
        count(kept)
        kept = []
    }

    /// The bin of `x`: 2i + 1 on edge i, 2i in the interval below it.
    @inline(__always)
    private static func bin(of x: Double, edges: UnsafeBufferPointer<Double>, guide: UnsafeBufferPointer<Int32>, guideWidth: Double) -> Int {
        let m = edges.count
        var i: Int
        if x <= edges[0] {
            i = 0
        } else if x > edges[m - 1] {
            i = m
        } else if guide.isEmpty {
            i = lowerBound(x, in: edges, 0..<m)
        } else {
            let t = (x - edges[0]) / guideWidth
            let g = t >= Double(m) ? m - 1 : Int(t)
            i = lowerBound(x, in: edges, Int(guide[g])..<Int(guide[g + 1]))
            // The slot's arithmetic can round across an edge: step to the true place.
            while i > 0 && edges[i - 1] >= x { i -= 1 }
            while i < m && edges[i] < x { i += 1 }
        }
        return i < m && edges[i] == x ? 2 * i + 1 : 2 * i
    }

    /// The first index in `range` whose edge is ≥ x (`range.upperBound` if none).
    @inline(__always)
    private static func lowerBound(_ x: Double, in edges: UnsafeBufferPointer<Double>, _ range: Range<Int>) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if edges[mid] < x { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
