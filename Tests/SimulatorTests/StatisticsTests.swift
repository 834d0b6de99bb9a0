import PilotModel
import TestSupport
import Testing

@testable import Simulator

struct StatisticsTests {
    /// Wilson 1927 by hand: for 81/100, centre (0.81 + z²/200)/(1 + z²/100) = 0.798485…,
    /// half-width z·√(0.81·0.19/100 + z²/40000)/(1 + z²/100) = 0.076320…
    @Test func wilsonInterval() {
        let a = Statistics.wilson(successes: 81, trials: 100)
        #expect(abs(a.lowerBound - 0.7222115462) < 1e-9 && abs(a.upperBound - 0.8748524849) < 1e-9)
        let none = Statistics.wilson(successes: 0, trials: 10)  // [0, z²/(n + z²)]
        #expect(none.lowerBound == 0 && abs(none.upperBound - 0.2775327999) < 1e-9)
        let all = Statistics.wilson(successes: 10, trials: 10)
        #expect(abs(all.lowerBound - 0.7224672001) < 1e-9 && all.upperBound <= 1)
    }

    /// Type 7: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
    @Test func typeSevenQuantiles() {
        let data = [1.0, 2, 3, 4]
        #expect(gslQuantile(sorted: data, 0.5) == 2.5)
        #expect(abs(gslQuantile(sorted: data, 0.1) - 1.3) < 1e-12)
        #expect(abs(gslQuantile(sorted: data, 0.95) - 3.85) < 1e-12)
        #expect(gslQuantile(sorted: data, 0) == 1 && gslQuantile(sorted: data, 1) == 4)
        #expect(gslQuantile(sorted: [7], 0.3) == 7)
    }

    @Test func sampleStandardDeviation() {
        let (mean, sd) = Statistics.meanAndSD([2.0, 4, 4, 4, 5, 5, 7, 9])
        #expect(mean == 5)
        #expect(abs(sd - (32.0 / 7).squareRoot()) < 1e-12)  // n − 1 in the denominator
    }

    @Test func verdictThresholds() {
        let v = VerdictThresholds(likely: 0.8, unlikely: 0.2)
        #expect(v.verdict(for: 0.8) == .likely && v.verdict(for: 0.7999) == .uncertain)
        #expect(v.verdict(for: 0.2) == .uncertain && v.verdict(for: 0.1999) == .unlikely)
    }

    /// `increase_over`: the deciding value is metric(by) − metric(base); the first hit is the
    /// first month after the base with an increase ≥ X.
    @Test func increaseOverTarget() throws {
        let scenario = try Scenario.parse(
            ScenarioText.minimal, file: "s.yaml",
            overrides: [
                try ScenarioOverride("targets=[{id: up, metric: amount, by: 2023-06, increase_over: 2023-02, at_least: 30}]")
            ])
        let columns = TargetColumns(target: scenario.targets[0], scenario: scenario)
        let metricCount = scenario.metrics.count, amount = scenario.metrics.firstIndex(of: .amount)!
        var metrics = [Double](repeating: 0, count: 36 * metricCount)
        for (month, value) in [10.0, 20, 40, 45, 60, 60].enumerated() { metrics[month * metricCount + amount] = value }
        for month in 6..<36 { metrics[month * metricCount + amount] = 60 }
        let outcome = columns.evaluate(metrics, metricCount: metricCount, months: 36)
        #expect(outcome.value == 60 - 20)  // 2023-06 minus 2023-02
        #expect(outcome.firstHit == 4)  // 2023-05: 60 − 20 ≥ 30; 2023-04 (45 − 20) is not
    }

    /// Joint probabilities, first-hit medians and never-shares on a hand-made result.
    @Test func summaryOfAConstructedResult() throws {
        let scenario = try Scenario.parse(
            ScenarioText.minimal, file: "s.yaml",
            overrides: [
                try ScenarioOverride(
                    """
                    targets=[{id: a, metric: wallets, by: 2023-12, at_least: 10}, {id: b, metric: merchants, by: 2023-12, at_least: 5},
                             {id: c, metric: wallets, by: 2024-12, at_least: 20}]
                    """)
            ])
        // Four runs: a met in runs 0, 1, 2; b in 0, 2, 3; c in 0, 1.
        let collector = RunCollector(scenario: scenario, rows: 4, keep: [], threads: 2)
        let record = collector.record, block = RunBlock(record: record, capacity: 4)
        block.reset(first: 0, count: 4)
        let values: [[Double]] = [[10, 12, 15, 3], [5, 4, 9, 6], [25, 20, 0, 19]]
        let firstHits: [[Double]] = [[3, 5, 11, -1], [2, 20, 4, 8], [14, 23, -1, -1]]
        for j in 0..<3 {
            for run in 0..<4 {
                block[run, record.targetOffset + j] = values[j][run]
                block[run, record.firstHitOffset + j] = firstHits[j][run]
            }
        }
        collector.absorb(block, pass: 1)
        collector.finishFirstPass()
        let summary = collector.summary()
        #expect(summary.targets.map(\.met) == [3, 3, 2])
        #expect(summary.joint.map(\.deadline) == [Month("2023-12"), Month("2024-12"), nil])
        #expect(summary.joint.map(\.met) == [2, 2, 1])  // a∧b: runs 0, 2; c: 0, 1; all: 0
        #expect(summary.joint[0].targetIDs == ["a", "b"])
        #expect(summary.targets[0].medianFirstMonth == Month("2023-06"))  // lower median of offsets 3, 5, 11
        #expect(summary.targets[1].medianFirstMonth == Month("2023-05"))  // lower median of offsets 2, 4, 8, 20 is 4
        #expect(summary.targets[0].neverShare == 0.25 && summary.targets[2].neverShare == 0.5)
        #expect(summary.targets[0].median == 11)  // type 7 over 3, 10, 12, 15
    }
}

/// Quantiles by selection agree exactly with quantiles of the sorted data.
struct OrderStatisticsTests {
    @Test func selectionEqualsSorting() {
        let random = RandomSource(key: 77)
        for n in [1, 2, 3, 10, 1001, 20_000] {
            for ties in [false, true] {
                let data = (0..<n).map { _ in ties ? Double(random.binomial(5, 0.3)) : random.lognormal(zeta: 0, sigma: 2) }
                var scratch = data
                let selected = OrderStatistics.quantiles(&scratch, at: MonthlyQuantiles.probabilities)
                let sorted = data.sorted()
                #expect(selected == MonthlyQuantiles.probabilities.map { gslQuantile(sorted: sorted, $0) }, "n \(n), ties \(ties)")
            }
        }
    }
}
