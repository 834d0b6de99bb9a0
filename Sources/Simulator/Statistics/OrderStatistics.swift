/// Type-7 quantiles of unsorted data by multiple selection (Hoare's FIND with his own partition):
/// the order statistics a set of quantiles needs, in O(n log m) for m quantiles instead of a full
/// O(n log n) sort. Hoare's partition stops on values equal to the pivot from both sides, so
/// many equal values (common in counts) split evenly rather than all to one side; its inner
/// loops are short runs of one comparison, about twice as fast as a three-way partition's.
public enum OrderStatistics {
    /// The type-7 p-quantiles of `data` (reordered in place), equal to
    /// `quantile(sorted: data.sorted(), p)` for each p.
    public static func quantiles(_ data: inout [Double], at probabilities: [Double]) -> [Double] {
        precondition(!data.isEmpty)
        let n = data.count
        data.withUnsafeMutableBufferPointer { select(ranks(count: n, probabilities: probabilities)[...], in: $0, from: 0, to: n - 1) }
        return interpolate(count: n, probabilities: probabilities) { data[$0] }
    }

    /// The type-7 quantile at `p` of `data`, sorted (Hyndman & Fan 1996; R's default, NumPy's
    /// `linear`): the one quantile definition of pilotsim, bit for bit GSL's
    /// `gsl_stats_quantile_from_sorted_data`.
    public static func quantile(sorted data: [Double], _ p: Double) -> Double {
        precondition(!data.isEmpty && (0...1).contains(p))
        return interpolate(count: data.count, probabilities: [p]) { data[$0] }[0]
    }

    /// The 0-based ranks whose values type-7 quantiles of `count` values at `probabilities` need:
    /// ⌊h⌋ and ⌊h⌋ + 1 for h = (count − 1)p; sorted, without repeats.
    static func ranks(count n: Int, probabilities: [Double]) -> [Int] {
        Set(
            probabilities.flatMap { p -> [Int] in
                let low = Int(Double(n - 1) * p)
                return [low, min(low + 1, n - 1)]
            }
        ).sorted()
    }

    /// Type-7 quantiles from the values at the ranks `ranks(count:probabilities:)` names, with the
    /// interpolation exactly as gsl_stats_quantile_from_sorted_data writes it, to the bit.
    static func interpolate(count n: Int, probabilities: [Double], value: (_ rank: Int) -> Double) -> [Double] {
        probabilities.map { p in
            let h = Double(n - 1) * p
            let low = Int(h), delta = h - Double(low)
            return low == n - 1 ? value(low) : (1 - delta) * value(low) + delta * value(low + 1)
        }
    }

    /// Puts the elements of ranks `ranks` (sorted, all within lo...hi) in their sorted places.
    private static func select(_ ranks: ArraySlice<Int>, in a: UnsafeMutableBufferPointer<Double>, from lo: Int, to hi: Int) {
        guard !ranks.isEmpty, lo < hi else { return }
        let mid = lo + (hi - lo) / 2
        let pivot = medianOfThree(a[lo], a[mid], a[hi])
        // Hoare's partition: afterwards every value in [lo, j] is ≤ pivot and every value in
        // (j, hi] is ≥ pivot, with lo ≤ j < hi (the pivot is one of the values, so both scans
        // stop inside the range), so each side is smaller than the whole.
        var i = lo - 1, j = hi + 1
        while true {
            repeat { i += 1 } while a[i] < pivot
            repeat { j -= 1 } while a[j] > pivot
            if i >= j { break }
            a.swapAt(i, j)
        }
        select(ranks.prefix { $0 <= j }, in: a, from: lo, to: j)
        select(ranks.drop { $0 <= j }, in: a, from: j + 1, to: hi)
    }

    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        max(min(a, b), min(max(a, b), c))
    }
}
