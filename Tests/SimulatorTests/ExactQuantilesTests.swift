import PilotModel
import Testing

@testable import Simulator

/// Quantiles in two passes are those of the whole data, sorted: the oracle is GSL's
/// `gsl_stats_quantile_from_sorted_data` over `sorted()` (`Statistics.quantile`).
struct ExactQuantilesTests {
    private static let probabilities = MonthlyQuantiles.probabilities + [0, 1, 0.5]

    /// Feeds `data` in blocks of 777 through the passes a stream of its length needs.
    private func quantiles(_ data: [Double], keepLimit: Int, pilot: Int, bins: Int) -> (values: [Double], twoPass: Bool) {
        let stream = ExactQuantiles(count: data.count, probabilities: Self.probabilities, keepLimit: keepLimit, pilotCount: pilot, binCount: bins)
        func feed(_ body: (UnsafeBufferPointer<Double>) -> Void) {
            for start in stride(from: 0, to: data.count, by: 777) {
                data[start..<min(data.count, start + 777)].withUnsafeBufferPointer(body)
            }
        }
        feed(stream.add)
        stream.finishFirstPass()
        let twoPass = stream.needsSecondPass
        if twoPass { feed(stream.addAgain) }
        return (stream.quantiles(), twoPass)
    }

    private func sortedQuantiles(_ data: [Double]) -> [Double] {
        let sorted = data.sorted()
        return Self.probabilities.map { gslQuantile(sorted: sorted, $0) }
    }

    @Test func continuousTiedAndShiftedStreamsGiveTheQuantilesOfTheSortedData() {
        let random = RandomSource(key: 5)
        let n = 50_000
        let streams: [(String, [Double])] = [
            ("lognormal", (0..<n).map { _ in random.lognormal(zeta: 3, sigma: 1.5) }),
            ("binomial counts (heavy ties)", (0..<n).map { _ in Double(random.binomial(6, 0.3)) }),
            ("constant", [Double](repeating: 42, count: n)),
            ("negative and positive", (0..<n).map { _ in random.standardNormal() * 1e6 }),
            // Later values leave the first values' range: every rank lies beyond the edges.
            ("trending", (0..<n).map { Double($0) + random.uniform() }),
            ("rare ties among spread values", (0..<n).map { k in k % 10 == 0 ? 7 : random.uniform() * 20 }),
        ]
        for (name, data) in streams {
            let expected = sortedQuantiles(data)
            let one = quantiles(data, keepLimit: n, pilot: 1024, bins: 64)
            let two = quantiles(data, keepLimit: 1000, pilot: 1024, bins: 64)
            #expect(!one.twoPass, "\(name)")
            #expect(one.values == expected, "\(name), one pass")
            #expect(two.values == expected, "\(name), two passes")
        }
    }

    /// A stream of ties needs no second pass: every rank falls on an edge.
    @Test func tiesAreResolvedInTheFirstPass() {
        let data = (0..<20_000).map { Double($0 % 5) }
        let result = quantiles(data, keepLimit: 100, pilot: 1000, bins: 50)
        #expect(!result.twoPass)
        #expect(result.values == sortedQuantiles(data))
    }

    /// The second pass keeps about 1/bins of the values for each interval it needs.
    @Test func theSecondPassKeepsFewValues() {
        let random = RandomSource(key: 9)
        let data = (0..<200_000).map { _ in random.gamma(shape: 2, scale: 1) }
        let stream = ExactQuantiles(count: data.count, probabilities: Self.probabilities, keepLimit: 1000, pilotCount: 16_384, binCount: 1024)
        data.withUnsafeBufferPointer(stream.add)
        stream.finishFirstPass()
        data.withUnsafeBufferPointer(stream.addAgain)
        #expect(stream.quantiles() == sortedQuantiles(data))
        // 10 probabilities, an interval each at most, of about 200,000/1024 ≈ 195 values: with the
        // edges from 16,384 values each interval's share is within a few times that.
        #expect(stream.keptInSecondPass < 10 * 4 * 195, "\(stream.keptInSecondPass) values kept")
    }
}

/// A simulation read twice gives the same bytes as one kept whole.
struct TwoPassSimulationTests {
    @Test func summaryAndMonthlyQuantilesAreTheSameInTwoPasses() throws {
        var engine = MonteCarlo(scenario: try Scenario.baseline(), seed: 12, threads: 2, keep: .monthlyQuantiles)
        let one = engine.run(runs: 9_000)
        engine.valueBudget = 8 * 700 * 2000  // about 2,000 values of each quantity: two passes over 9,000 runs
        #expect(RunCollector(scenario: engine.scenario, rows: 9_000, keep: engine.keep, threads: 1, valueBudget: engine.valueBudget).passes == 2)
        let two = engine.run(runs: 9_000)
        #expect(two.monthly.count == one.monthly.count)
        #expect(zip(one.monthly, two.monthly).allSatisfy { $0.quantiles == $1.quantiles && $0.mean == $1.mean && $0.sd == $1.sd })
        let a = one.summary, b = two.summary
        #expect(a.targets.map { [$0.median, $0.p05, $0.p95] } == b.targets.map { [$0.median, $0.p05, $0.p95] })
        #expect(a.targets.map(\.met) == b.targets.map(\.met) && a.joint.map(\.met) == b.joint.map(\.met))
        #expect(a.stageIncrements.map { [$0.mean, $0.median, $0.p05, $0.p95] } == b.stageIncrements.map { [$0.mean, $0.median, $0.p05, $0.p95] })
    }
}

/// The monthly quantiles of chosen metrics (a desk page's fan charts) are those rows of the whole table.
struct ChosenMonthlyMetricsTests {
    @Test func chosenMetricsGiveTheirRowsOfTheWholeTable() throws {
        var engine = MonteCarlo(scenario: try Scenario.baseline(), seed: 5, threads: 2, keep: .monthlyQuantiles)
        let whole = engine.run(runs: 3_000)
        engine.monthlyMetrics = [.merchants, .wallets]
        let chosen = engine.run(runs: 3_000)
        let expected = whole.monthly.filter { [.wallets, .merchants].contains($0.metric) }
        #expect(chosen.monthly.count == 2 * engine.scenario.calendar.monthCount)
        #expect(chosen.monthly.map(\.metric) == expected.map(\.metric) && chosen.monthly.map(\.month) == expected.map(\.month))
        #expect(zip(chosen.monthly, expected).allSatisfy { $0.quantiles == $1.quantiles && $0.mean == $1.mean && $0.sd == $1.sd })
        #expect(chosen.summary.targets.map(\.met) == whole.summary.targets.map(\.met))
    }
}
