import Foundation
import PilotModel

/// Monte Carlo filtering, or regional sensitivity analysis (Hornberger & Spear 1981; Saltelli et al.,
/// "Global Sensitivity Analysis: The Primer", 2008, §5.2): the runs are split into those that met a
/// target and those that missed it, and each uncertain input's two distributions are compared. An
/// input whose distributions differ (a Kolmogorov–Smirnov distance near 1) decides the target; one
/// whose distributions agree (near 0) does not matter to it.
///
/// Chance makes some distance of every input, so two guards keep noise from being ranked: an input
/// that cannot reach the target at all (`Scenario.parametersThatCanAffect`) is marked so and never
/// ranked; and the p-values of the others are adjusted for their number by Benjamini–Hochberg,
/// an input counting as decisive only when its q-value is below `decisiveLevel`.
public struct MonteCarloFiltering: Sendable {
    /// The false discovery rate at which an input is called decisive.
    public static let decisiveLevel = 0.05

    public struct Input: Sendable {
        /// Index into `scenario.parameters`.
        public let parameter: Int
        public let keyPath: String
        /// max |F_met(x) − F_missed(x)| over x.
        public let distance: Double
        /// The asymptotic two-sample Kolmogorov–Smirnov p-value of `distance`.
        public let pValue: Double
        public let medianMet: Double, medianMissed: Double
        /// The value where the two empirical CDFs differ most: the single split that best separates
        /// the groups.
        public let threshold: Double
        /// Whether the input can change the target's value at all.
        public var canAffect = true
        /// The Benjamini–Hochberg q-value of `pValue` among the inputs that can affect the target
        /// (nil for those that cannot).
        public var qValue: Double? = nil

        /// Whether the input is decisive: it can affect the target and its q-value is below `decisiveLevel`.
        public var isDecisive: Bool { (qValue ?? 1) < MonteCarloFiltering.decisiveLevel }
    }

    public let target: Target
    public let met: Int, missed: Int
    /// Every uncertain input: those that can affect the target, largest distance first, then those
    /// that cannot.
    public let inputs: [Input]

    public init(_ result: SimulationResult, target index: Int) {
        self.init(
            scenario: result.scenario, uncertainParameters: result.uncertainParameters, parameterValues: result.parameterValues,
            targetValues: result.targetValues[index], target: index)
    }

    /// The filtering of target `index` from the runs' values: `parameterValues` run-major, a
    /// run's values of `uncertainParameters` (indices into the scenario's parameters) in order,
    /// and `targetValues` the target's deciding value in each run.
    /// - Precondition: `parameterValues` holds `uncertainParameters.count` values for each run.
    public init(scenario s: Scenario, uncertainParameters: [Int], parameterValues: [Double], targetValues: [Double], target index: Int) {
        let target = s.targets[index], width = uncertainParameters.count, runs = targetValues.count
        precondition(parameterValues.count == runs * width)
        let isMet = targetValues.map(target.isMet)
        self.target = target
        met = isMet.filter { $0 }.count
        missed = runs - met
        let reach = s.parametersThatCanAffect(target)
        var compared = uncertainParameters.enumerated().map { column, parameter in
            var a: [Double] = [], b: [Double] = []
            for run in 0..<runs {
                let value = parameterValues[run * width + column]
                if isMet[run] { a.append(value) } else { b.append(value) }
            }
            var input = Self.compare(met: a, missed: b, parameter: parameter, keyPath: s.parameters[parameter].keyPath)
            input.canAffect = reach.contains(parameter)
            return input
        }
        let affecting = compared.indices.filter { compared[$0].canAffect }
        for (k, q) in zip(affecting, Self.benjaminiHochberg(affecting.map { compared[$0].pValue })) { compared[k].qValue = q }
        inputs = compared.sorted {
            ($0.canAffect && !$1.canAffect)
                || ($0.canAffect == $1.canAffect && ($0.distance > $1.distance || $0.distance == $1.distance && $0.parameter < $1.parameter))
        }
    }

    /// Benjamini–Hochberg adjusted p-values (q-values), in the order given: for the i-th smallest of
    /// m p-values, min over j ≥ i of m·p₍ⱼ₎/j, at most 1 (Benjamini & Hochberg 1995).
    public static func benjaminiHochberg(_ p: [Double]) -> [Double] {
        let m = Double(p.count)
        let order = p.indices.sorted { p[$0] < p[$1] }
        var q = [Double](repeating: 1, count: p.count)
        var running = 1.0
        for (rank, index) in order.enumerated().reversed() {
            running = min(running, m * p[index] / Double(rank + 1))
            q[index] = min(1, running)
        }
        return q
    }

    static func compare(met: [Double], missed: [Double], parameter: Int, keyPath: String) -> Input {
        guard !met.isEmpty, !missed.isEmpty else {
            let all = (met + missed).sorted()
            let median = all.isEmpty ? 0 : OrderStatistics.quantile(sorted: all, 0.5)
            return Input(
                parameter: parameter, keyPath: keyPath, distance: 0, pValue: 1, medianMet: met.isEmpty ? .nan : median,
                medianMissed: missed.isEmpty ? .nan : median, threshold: median)
        }
        let a = met.sorted(), b = missed.sorted()
        var i = 0, j = 0, distance = 0.0, threshold = a[0]
        while i < a.count || j < b.count {
            let x = min(i < a.count ? a[i] : .infinity, j < b.count ? b[j] : .infinity)
            while i < a.count && a[i] == x { i += 1 }
            while j < b.count && b[j] == x { j += 1 }
            let gap = abs(Double(i) / Double(a.count) - Double(j) / Double(b.count))
            if gap > distance {
                distance = gap
                threshold = x
            }
        }
        return Input(
            parameter: parameter, keyPath: keyPath, distance: distance, pValue: kolmogorovPValue(distance, a.count, b.count),
            medianMet: OrderStatistics.quantile(sorted: a, 0.5), medianMissed: OrderStatistics.quantile(sorted: b, 0.5), threshold: threshold)
    }

    /// P(D ≥ d) for two samples of sizes n and m, by the Kolmogorov distribution with Stephens'
    /// small-sample correction (Numerical Recipes, 3rd ed., §14.3.3):
    /// Q((√e + 0.12 + 0.11/√e)·d), e = nm/(n + m), Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²).
    public static func kolmogorovPValue(_ d: Double, _ n: Int, _ m: Int) -> Double {
        let e = (Double(n) * Double(m) / Double(n + m)).squareRoot()
        let lambda = (e + 0.12 + 0.11 / e) * d
        if lambda < 0.2 { return 1 }
        var sum = 0.0, sign = 1.0
        for k in 1...100 {
            let term = sign * exp(-2 * Double(k * k) * lambda * lambda)
            sum += term
            if abs(term) < 1e-12 * abs(sum) { break }
            sign = -sign
        }
        return min(1, max(0, 2 * sum))
    }
}
