import Foundation
import PilotModel
import Testing
import TestSupport
@testable import PilotReport
@testable import Simulator

struct ChartTests {
    static let result: SimulationResult = MonteCarlo(scenario: try! Scenario.baseline(), seed: 3, threads: 2, keepTrajectories: true).run(runs: 600)
    static let monthly = MonthlyQuantiles.table(result, threads: 2)

    private func fanChart(_ metric: Metric, _ labels: Labels = .english) -> FanChart {
        FanChart(metric: metric, rows: Self.monthly.filter { $0.metric == metric }, scenario: Self.result.scenario, labels: labels)
    }

    /// The median path's vertices are the monthly medians (monthly.csv's p50) mapped by the axes.
    @Test func medianPathPassesThroughTheMonthlyMedians() throws {
        let chart = fanChart(.wallets)
        let svg = XMLCheck(chart.svg())
        #expect(svg.wellFormed, "\(String(describing: svg.error))")
        let d = try #require(svg.all("path").first { $0["class"] == "median" }?["d"])
        let vertices = d.split(separator: " ").map { $0.dropFirst().split(separator: ",").map { Double($0)! } }
        #expect(vertices.count == 36)
        let medians = Self.monthly.filter { $0.metric == .wallets }.map { $0.quantiles[3] }
        for month in [0, 5, 11, 17, 29, 35] {
            let (x, y) = chart.point(month: month, value: medians[month])
            #expect(abs(vertices[month][0] - x) < 0.01 && abs(vertices[month][1] - y) < 0.01, "month \(month)")
        }
        // And the mapping itself: value 0 sits on the x axis, the top tick at the top of the plot.
        #expect(abs(chart.y(0) - FanChart.bottom) < 1e-9 && abs(chart.y(chart.y.domain.upperBound) - FanChart.top) < 1e-9)
    }

    /// Each target is a diamond centred on its deadline's column (and, for `at_least`, its level).
    @Test func targetMarkersSitAtTheirDeadlines() throws {
        let chart = fanChart(.wallets)
        let markers = XMLCheck(chart.svg()).all("polygon").filter { $0["class"] == "target-marker" }
        #expect(markers.count == 2)
        let expected = [(Month("2023-12")!, 120_000.0), (Month("2025-06")!, 300_000.0)].map { month, level in
            chart.point(month: Self.result.scenario.calendar.offset(of: month), value: level)
        }
        for (marker, point) in zip(markers, expected) {
            #expect(abs(Double(marker["data-x"]!)! - point.x) < 0.01 && abs(Double(marker["data-y"]!)! - point.y) < 0.01)
        }
        #expect(chart.x(11) < chart.x(29) && chart.x(0) > FanChart.left && chart.x(35) < FanChart.right)
    }

    @Test func everyChartIsWellFormedXML() {
        let tornado = Tornado(scenario: Self.result.scenario, low: 0.1, high: 0.9).run(seed: 3, runs: 100, threads: 2)
        for labels in [Labels.english, .chinese] {
            let report = HTMLReport(result: Self.result, summary: SimulationSummary(Self.result), monthly: Self.monthly, tornado: tornado,
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

    /// Amounts are drawn on a log axis: every decade is the same height, and the median path still
    /// passes through the monthly medians.
    @Test func amountUsesALogAxis() throws {
        let chart = fanChart(.amount)
        #expect(chart.y.logarithmic && !fanChart(.wallets).y.logarithmic)
        #expect(abs((chart.y(1e8) - chart.y(1e9)) - (chart.y(1e9) - chart.y(1e10))) < 1e-9)
        let svg = chart.svg()
        #expect(svg.contains("<title>transaction amount (log scale)</title>"))
        let d = try #require(XMLCheck(svg).all("path").first { $0["class"] == "median" }?["d"])
        let vertex = d.split(separator: " ")[11].dropFirst().split(separator: ",").map { Double($0)! }
        let median = Self.monthly.filter { $0.metric == .amount }[11].quantiles[3]
        #expect(abs(vertex[1] - chart.point(month: 11, value: median).y) < 0.01)
    }

    @Test func niceTicks() {
        #expect(AxisScale.niceStep(0.013) == 0.02 && AxisScale.niceStep(170_000) == 200_000 && AxisScale.niceStep(3) == 5)
        let scale = AxisScale(covering: [0, 734_000], pixels: 0...100, reversed: false, fromZero: true)
        #expect(scale.ticks == [0, 200_000, 400_000, 600_000, 800_000])
    }
}
