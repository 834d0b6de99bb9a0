import PilotModel

/// Two scenarios simulated with the same seed and run indices, compared target by target.
///
/// pilotsim's named streams make every assumption the two share draw identically in a run, so a
/// run's two outcomes differ only by what the change does: the comparison is paired, and its
/// intervals are those of paired data, much narrower than two independent estimates'.
public struct Comparison: Sendable {
    /// One target present in both scenarios (matched by id).
    public struct TargetDifference: Sendable {
        public let target: Target
        public let runs: Int
        /// Runs where the target is met under both, under A only, under B only.
        public let both: Int, onlyA: Int, onlyB: Int
        public var pA: Double { Double(both + onlyA) / Double(runs) }
        public var pB: Double { Double(both + onlyB) / Double(runs) }
        /// P(met | B) − P(met | A).
        public var difference: Double { pB - pA }
        /// The 95% interval of `difference` for paired proportions (Newcombe's method 10).
        public let interval: ClosedRange<Double>
        /// The median over runs of (B's deciding value − A's), with a distribution-free 95% interval
        /// from the order statistics of the differences.
        public let medianDifference: Double
        public let medianDifferenceInterval: ClosedRange<Double>
    }

    public let matched: [TargetDifference]
    /// Targets that only one of the two scenarios has, by id: listed, not compared.
    public let onlyInA: [Target], onlyInB: [Target]

    /// Compares two results of the same run count and seed (target by id).
    /// - Precondition: `a.runs == b.runs`.
    public init(a: SimulationResult, b: SimulationResult) {
        precondition(a.runs == b.runs)
        self.init(a: a.scenario, b: b.scenario, runs: a.runs, targetValuesA: a.targetValues, targetValuesB: b.targetValues)
    }

    /// Compares two scenarios from each target's deciding value in each of `runs` paired runs
    /// (the same seed and run indices), per target in scenario order.
    /// - Precondition: every target's values count `runs`.
    public init(a: Scenario, b: Scenario, runs: Int, targetValuesA: [[Double]], targetValuesB: [[Double]]) {
        var matched: [TargetDifference] = []
        for (i, target) in a.targets.enumerated() {
            guard let j = b.targets.firstIndex(where: { $0.id == target.id }) else { continue }
            let other = b.targets[j]
            let valuesA = targetValuesA[i], valuesB = targetValuesB[j]
            precondition(valuesA.count == runs && valuesB.count == runs)
            var both = 0, onlyA = 0, onlyB = 0
            var differences = [Double](repeating: 0, count: runs)
            for r in 0..<runs {
                let metA = target.isMet(by: valuesA[r]), metB = other.isMet(by: valuesB[r])
                if metA && metB { both += 1 } else if metA { onlyA += 1 } else if metB { onlyB += 1 }
                differences[r] = valuesB[r] - valuesA[r]
            }
            let interval = Self.newcombePaired(bothYes: both, firstOnly: onlyB, secondOnly: onlyA, n: runs)
            let median = Self.medianWithInterval(&differences)
            matched.append(
                TargetDifference(
                    target: other, runs: runs, both: both, onlyA: onlyA, onlyB: onlyB, interval: interval,
                    medianDifference: median.median, medianDifferenceInterval: median.interval))
        }
        self.matched = matched
        onlyInA = a.targets.filter { t in !b.targets.contains { $0.id == t.id } }
        onlyInB = b.targets.filter { t in !a.targets.contains { $0.id == t.id } }
    }

    /// Newcombe's method 10 ("Improved confidence intervals for the difference between binomial
    /// proportions based on paired data", Statistics in Medicine 17, 1998) for p₁ − p₂, where p₁ is
    /// the share of pairs whose first member succeeds and p₂ that of the second: the Wilson
    /// intervals (l₁, u₁) and (l₂, u₂) of each, combined with the correlation
    /// φ = (AD − BC)/√((A+B)(C+D)(A+C)(B+D)) of the 2×2 table (0 when a margin is empty):
    /// p₁ − p₂ − δ to p₁ − p₂ + ε, δ = √((p₁−l₁)² − 2φ(p₁−l₁)(u₂−p₂) + (u₂−p₂)²),
    /// ε = √((u₁−p₁)² − 2φ(u₁−p₁)(p₂−l₂) + (p₂−l₂)²).
    ///
    /// - Parameters: the counts of pairs where both succeed (A), only the first (B), only the
    ///   second (C), out of n (D = n − A − B − C).
    public static func newcombePaired(bothYes a: Int, firstOnly b: Int, secondOnly c: Int, n: Int) -> ClosedRange<Double> {
        let d = n - a - b - c
        let p1 = Double(a + b) / Double(n), p2 = Double(a + c) / Double(n)
        let w1 = Statistics.wilson(successes: a + b, trials: n), w2 = Statistics.wilson(successes: a + c, trials: n)
        let denominator = (Double(a + b) * Double(c + d) * Double(a + c) * Double(b + d)).squareRoot()
        let phi = denominator > 0 ? (Double(a) * Double(d) - Double(b) * Double(c)) / denominator : 0
        let l1 = p1 - w1.lowerBound, u1 = w1.upperBound - p1, l2 = p2 - w2.lowerBound, u2 = w2.upperBound - p2
        let delta = max(0, l1 * l1 - 2 * phi * l1 * u2 + u2 * u2).squareRoot()
        let epsilon = max(0, u1 * u1 - 2 * phi * u1 * l2 + l2 * l2).squareRoot()
        return max(-1, p1 - p2 - delta)...min(1, p1 - p2 + epsilon)
    }

    /// The median of `values` and its distribution-free 95% interval: the order statistics of
    /// ranks n/2 ∓ 1.96·√n/2 (the normal approximation to the binomial count of values below the
    /// median). Sorts `values`.
    static func medianWithInterval(_ values: inout [Double]) -> (median: Double, interval: ClosedRange<Double>) {
        values.sort()
        let n = Double(values.count)
        let half = Statistics.z95 * n.squareRoot() / 2
        let low = max(0, Int((n / 2 - half).rounded(.down)) - 1), high = min(values.count - 1, Int((n / 2 + half).rounded(.up)) - 1)
        return (OrderStatistics.quantile(sorted: values, 0.5), values[low]...values[max(low, high)])
    }
}
