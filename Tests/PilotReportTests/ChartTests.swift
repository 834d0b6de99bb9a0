import Foundation
import PilotModel
import TestSupport
import Testing

@testable import PilotReport
@testable import Simulator

struct ChartTests {
    static let result: SimulationResult = MonteCarlo(scenario: try! Scenario.baseline(), seed: 3, threads: 2, keep: .all).run(runs: 600)
    static let monthly = result.monthly

    private func fanChart(_ metric: Metric, _ labels: Labels = .english) -> FanChart {
        FanChart(metric: metric, rows: Self.monthly.filter { $0.metric == metric }, scenario: Self.result.scenario, labels: labels)
    }

    /// Synthetic monthly rows of `metric` over the baseline's 36 months: the median of month t is
    /// `median(t)`, P5 a tenth of it and P95 `p95(t)`; so the axes are known by hand.
    private func syntheticChart(_ metric: Metric, median: (Int) -> Double, p95: (Int) -> Double) -> FanChart {
        let calendar = Self.result.scenario.calendar
        let rows = (0..<calendar.monthCount).map { t in
            MonthlyQuantiles(
                month: calendar.month(at: t), stage: "", metric: metric, mean: median(t), sd: 0,
                quantiles: [median(t) / 10, median(t) / 5, median(t) / 2, median(t), median(t) * 1.5, median(t) * 2, p95(t)])
        }
        return FanChart(metric: metric, rows: rows, scenario: Self.result.scenario, labels: .english)
    }

    /// The plot area is x 92…740, y 56…344 (FanChart's layout); 36 months give columns 18 px wide,
    /// a month drawn at its column's middle: x = 92 + 18·(t + 0.5).
    private func expectedX(_ t: Int) -> Double { 92 + 18 * (Double(t) + 0.5) }

    /// Wallets with P95 up to 734,000 and goals of 120,000 and 300,000: nice ticks of 200,000 make
    /// the axis 0…800,000 (by hand), so a value v is drawn at y = 344 − 288·v/800,000.
    @Test func medianPathAndTargetsSitWhereTheGeometrySays() throws {
        let chart = syntheticChart(.wallets, median: { 10_000 * Double($0 + 1) }, p95: { 734_000 * Double($0 + 1) / 36 })
        let svg = XMLCheck(chart.svg())
        #expect(svg.wellFormed, "\(String(describing: svg.error))")
        let d = try #require(svg.all("path").first { $0["class"] == "median" }?["d"])
        let vertices = d.split(separator: " ").map { $0.dropFirst().split(separator: ",").map { Double($0)! } }
        #expect(vertices.count == 36)
        for t in [0, 5, 11, 17, 29, 35] {
            let value = 10_000 * Double(t + 1)
            #expect(abs(vertices[t][0] - expectedX(t)) < 0.01 && abs(vertices[t][1] - (344 - 288 * value / 800_000)) < 0.01, "month \(t)")
        }
        // Targets: wallets ≥ 120,000 by 2023-12 (month 11) and ≥ 300,000 by 2025-06 (month 29).
        let markers = svg.all("polygon").filter { $0["class"] == "target-marker" }
        #expect(markers.count == 2)
        for (marker, (t, level)) in zip(markers, [(11, 120_000.0), (29, 300_000.0)]) {
            #expect(abs(Double(marker["data-x"]!)! - expectedX(t)) < 0.01)
            #expect(abs(Double(marker["data-y"]!)! - (344 - 288 * level / 800_000)) < 0.01)
        }
        #expect(svg.text.contains("800,000") && !svg.text.contains("1,000,000"), "the top tick is 800,000")
    }

    @Test func everyChartIsWellFormedXML() {
        let analysis = Tornado(scenario: Self.result.scenario, low: 0.1, high: 0.9)
        let (baseline, bars) = analysis.run(seed: 3, runs: 100, threads: 2)
        let tornado = (analysis: analysis, baseline: baseline, bars: bars)
        for labels in [Labels.english, .chinese] {
            let report = HTMLReport(
                result: Self.result, summary: Self.result.summary, monthly: Self.monthly, tornado: tornado,
                labels: labels, commandLine: "pilotsim report", generated: Date(timeIntervalSince1970: 0), source: "test")
            let charts = report.charts()
            #expect(charts.count == 3 + 9 + 9)
            for chart in charts {
                let check = XMLCheck(chart.svg)
                #expect(check.wellFormed, "\(chart.name): \(String(describing: check.error))")
                #expect(chart.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            }
        }
    }

    /// Amounts are drawn on a log axis: every decade is the same height. Medians from ¥10M, P95
    /// up to ¥2·10¹⁰ and the lowest value shown 10⁻⁴ of the top P95 (¥2M) make the axis whole decades
    /// 10⁶…10¹¹ (by hand): a value v is drawn at y = 344 − 288·(log₁₀ v − 6)/5.
    @Test func amountUsesALogAxis() throws {
        let chart = syntheticChart(.amount, median: { 1e7 * Double($0 + 1) }, p95: { 2e10 * Double($0 + 1) / 36 })
        #expect(chart.y.logarithmic && !fanChart(.wallets).y.logarithmic)
        let svg = chart.svg()
        #expect(svg.contains("<title>transaction amount (log scale)</title>"))
        let d = try #require(XMLCheck(svg).all("path").first { $0["class"] == "median" }?["d"])
        let vertices = d.split(separator: " ").map { $0.dropFirst().split(separator: ",").map { Double($0)! } }
        for t in [0, 11, 35] {
            let expected = 344 - 288 * (log10(1e7 * Double(t + 1)) - 6) / 5
            #expect(abs(vertices[t][1] - expected) < 0.01, "month \(t): \(vertices[t][1]) vs \(expected)")
        }
    }

    @Test func niceTicks() {
        #expect(AxisScale.niceStep(0.013) == 0.02 && AxisScale.niceStep(170_000) == 200_000 && AxisScale.niceStep(3) == 5)
        let scale = AxisScale(covering: [0, 734_000], pixels: 0...100, reversed: false, fromZero: true)
        #expect(scale.ticks == [0, 200_000, 400_000, 600_000, 800_000])
    }

    /// A lognormal amount (median ¥1B, σ 1.5: spanning four decades) is binned on a log axis with no
    /// tick at or below zero, the threshold on a bin edge, and the runs beyond the 0.5%–99.5% bins
    /// counted in a label rather than folded into the outer bars.
    @Test func amountHistogramsAreLogarithmicAndLabelTheirTails() throws {
        let target = try #require(Self.result.scenario.targets.first { $0.id == "amount-2023" })
        #expect(target.threshold == 2e8)
        // Deterministic lognormal quantiles at the mid-points of 2,000 equal probability slices.
        let values = (0..<2000).map { Distribution.lognormal(zeta: log(1e9), sigma: 1.5).quantile((Double($0) + 0.5) / 2000) }
        let histogram = Histogram(target: target, values: values, labels: .english)
        #expect(histogram.x.logarithmic)
        #expect(histogram.x.ticks.allSatisfy { $0 > 0 })
        #expect(histogram.bins.contains { abs($0.low - 2e8) < 1e-3 * 2e8 }, "the threshold is a bin edge")
        // The bins reach at least from the 0.5% to the 99.5% quantile (their edges fall on the
        // threshold's grid): at most about 10 runs of 2,000 lie beyond each end, and those counted
        // are exactly the values beyond the outer edges.
        #expect((1...11).contains(histogram.below.runs) && (1...11).contains(histogram.above.runs))
        #expect(histogram.below.runs == values.filter { $0 < histogram.bins.first!.low * (1 - 1e-12) }.count)
        #expect(histogram.above.runs == values.filter { $0 >= histogram.bins.last!.high * (1 + 1e-12) }.count)
        let binned = histogram.bins.reduce(0) { $0 + $1.count }
        #expect(binned + histogram.below.runs + histogram.above.runs == 2000)
        let svg = histogram.svg(title: "amount")
        #expect(svg.contains("Beyond the bars: &lt; ") || svg.contains("Beyond the bars: < "))
        #expect(!svg.contains(">-"), "no negative tick label")
    }
}
