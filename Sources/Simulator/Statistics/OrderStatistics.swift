/// Type-7 quantiles of unsorted data by multiple selection (Hoare's FIND with a three-way
/// partition): the order statistics a set of quantiles needs, in O(n log m) for m quantiles
/// instead of a full O(n log n) sort. Equal values (common in counts) fall in the middle part of
/// each partition, so ties cost nothing extra.
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
        // Three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot.
        var lt = lo, i = lo, gt = hi
        while i <= gt {
            let x = a[i]
            if x < pivot {
                a.swapAt(lt, i)
                lt += 1
                i += 1
            } else if x > pivot {
                a.swapAt(i, gt)
                gt -= 1
            } else {
                i += 1
            }
        }
        select(ranks.prefix { $0 < lt }, in: a, from: lo, to: lt - 1)
        select(ranks.drop { $0 <= gt }, in: a, from: gt + 1, to: hi)
    }

    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        max(min(a, b), min(max(a, b), c))
    }
}
