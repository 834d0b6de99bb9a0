import Foundation
import PilotModel
import Simulator

/// The empirical distribution functions of one input in the runs that met a target (solid) and
/// in those that missed it (dashed), with the best split marked: `explain`'s picture.
struct ECDFChart {
    static let width = 520.0, height = 290.0
    static let left = 56.0, right = 490.0, top = 34.0, bottom = 226.0
    /// The most points a step line is drawn through: the sorted values are thinned to this many.
    static let points = 200

    let met: [Double], missed: [Double]
    let split: Double
    let labels: Labels
    let x: AxisScale
    let y = AxisScale(domain: 0...1, pixels: Self.top...Self.bottom, reversed: true, targetTicks: 4)

    init(met: [Double], missed: [Double], split: Double, labels: Labels) {
        self.met = met.sorted()
        self.missed = missed.sorted()
        self.split = split
        self.labels = labels
        let all = (met + missed).sorted()
        let low = all.isEmpty ? 0 : OrderStatistics.quantile(sorted: all, 0.005), high = all.isEmpty ? 1 : OrderStatistics.quantile(sorted: all, 0.995)
        x = AxisScale(domain: low...max(high, low + 1e-12), pixels: Self.left...Self.right, reversed: false, targetTicks: 5)
    }

    /// The step function of sorted `values`, thinned to at most `points` steps, clipped to the axis.
    private func steps(_ values: [Double]) -> String {
        guard !values.isEmpty else { return "" }
        let n = values.count, stride = max(1, n / Self.points)
        var path = "M\(svgNumber(Self.left)),\(svgNumber(y(0)))"
        for i in Swift.stride(from: 0, to: n, by: stride) {
            let vx = x(min(max(values[i], x.domain.lowerBound), x.domain.upperBound))
            path += " L\(svgNumber(vx)),\(svgNumber(y(Double(i) / Double(n)))) L\(svgNumber(vx)),\(svgNumber(y(Double(min(i + stride, n)) / Double(n))))"
        }
        return path + " L\(svgNumber(Self.right)),\(svgNumber(y(1)))"
    }

    struct Tick { let position: String, label: String }

    func svg(title: String) -> String {
        let view: [String: Any] = [
            "width": svgNumber(Self.width), "height": svgNumber(Self.height), "title": title,
            "left": svgNumber(Self.left), "right": svgNumber(Self.right), "top": svgNumber(Self.top), "bottom": svgNumber(Self.bottom),
            "yTicks": y.ticks.map { Tick(position: svgNumber(y($0)), label: NumberStyle.wholePercent($0)) },
            "xTicks": x.ticks.map { Tick(position: svgNumber(x($0)), label: NumberStyle.parameter($0)) },
            "xTickLabelY": svgNumber(Self.bottom + 18), "tickEnd": svgNumber(Self.bottom + 5),
            "splitX": svgNumber(x(min(max(split, x.domain.lowerBound), x.domain.upperBound))),
            "met": steps(met), "missed": steps(missed),
            "legendY": svgNumber(Self.bottom + 48), "legendSwatchEnd": svgNumber(Self.left + 24),
            "metLabel": labels.runsMeeting, "missedLabel": labels.otherRuns,
        ]
        return Templates.ecdf.render(view)
    }
}
