import Foundation
import PilotModel
import Simulator

/// P(met) of one target across a sweep: the first axis' values along x (logarithmic when they
/// are positive and span a factor of 20 or more), one line per value of the second axis (one line
/// without it, and a legend beneath with it), each with its 95% interval as a band.
struct SweepChart {
    static let width = 560.0, height = 380.0
    static let left = 64.0, right = 540.0, top = 40.0, bottom = 280.0
    /// Line styles (colour, dash), distinct in grayscale too; more lines reuse them in turn.
    static let styles = [("#08306b", ""), ("#6baed6", "6 3"), ("#333333", "2 2"), ("#2b8cbe", "8 3 2 3"), ("#9ecae1", "")]

    struct Line { let path: String, band: String, colour: String, dash: String, legend: String, swatchX: String, swatchEnd: String, textX: String }
    struct Tick { let position: String, label: String }

    let sweep: Sweep
    let target: Int
    let summaries: [SimulationSummary]
    let labels: Labels

    func svg(title: String) -> String {
        let first = sweep.axes[0].values, second = sweep.axes.count > 1 ? sweep.axes[1].values : []
        let logarithmic = first.allSatisfy { $0 > 0 } && (first.max()! / first.min()!) >= 20
        let x =
            logarithmic
            ? AxisScale(logCovering: first, pixels: Self.left...Self.right, reversed: false, tickSpacing: 64)
            : AxisScale(covering: first, pixels: Self.left...Self.right, reversed: false, fromZero: false)
        let y = AxisScale(domain: 0...1, pixels: Self.top...Self.bottom, reversed: true, targetTicks: 5)
        // Points are first-axis-major: point i is (first[i / m], second[i % m]).
        let m = max(1, second.count)
        let lines = (0..<m).map { k -> Line in
            let points = first.indices.map { summaries[$0 * m + k].targets[target] }
            let xs = first.map { x($0) }
            let path = zip(xs, points).enumerated().map { i, pair in "\(i == 0 ? "M" : "L")\(svgNumber(pair.0)),\(svgNumber(y(pair.1.probability)))" }.joined()
            let upper = zip(xs, points).map { "\(svgNumber($0.0)),\(svgNumber(y($0.1.interval.upperBound)))" }
            let lower = zip(xs, points).reversed().map { "\(svgNumber($0.0)),\(svgNumber(y($0.1.interval.lowerBound)))" }
            let style = Self.styles[k % Self.styles.count]
            // The legend names the second axis once, then each line by its value, in a row beneath the chart.
            let x0 = Self.left + Double(k) * 96
            return Line(
                path: path, band: "M" + (upper + lower).joined(separator: "L") + "Z", colour: style.0, dash: style.1,
                legend: second.isEmpty ? "" : NumberStyle.parameter(second[k]),
                swatchX: svgNumber(x0), swatchEnd: svgNumber(x0 + 24), textX: svgNumber(x0 + 30))
        }
        let view: [String: Any] = [
            "width": svgNumber(Self.width), "height": svgNumber(Self.height), "title": title,
            "left": svgNumber(Self.left), "right": svgNumber(Self.right), "top": svgNumber(Self.top), "bottom": svgNumber(Self.bottom),
            "lines": lines, "hasLegend": !second.isEmpty, "legendY": svgNumber(Self.bottom + 90), "legendTitleY": svgNumber(Self.bottom + 70),
            "legendTitle": second.isEmpty ? "" : ParameterCatalogue.label(sweep.axes[1].path, scenario: sweep.base, labels),
            "xTicks": x.ticks.map { Tick(position: svgNumber(x($0)), label: NumberStyle.parameter($0)) },
            "yTicks": y.ticks.map { Tick(position: svgNumber(y($0)), label: NumberStyle.wholePercent($0)) },
            "tickEnd": svgNumber(Self.bottom + 5), "xTickLabelY": svgNumber(Self.bottom + 20),
            "xAxisLabel": ParameterCatalogue.label(sweep.axes[0].path, scenario: sweep.base, labels), "xAxisLabelY": svgNumber(Self.bottom + 44),
            "xAxisLabelX": svgNumber((Self.left + Self.right) / 2),
        ]
        return Templates.sweep.render(view)
    }
}
