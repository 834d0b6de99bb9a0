import Foundation
import PilotModel
import Simulator

/// The distribution over runs of one target's deciding value, with the target drawn as a line:
/// runs that meet it in a dark fill, the others light. Amounts in yuan are binned on a log axis,
/// as the fan charts draw them, so that a long right tail does not crush the mass into a few bars
/// and no axis reaches below zero. The bins cover the runs' 0.5%–99.5% range; the runs beyond it
/// are not folded into the outer bars (which would look like a second mode) but counted in labels
/// at either end: "≥ X: n runs".
struct Histogram {
    static let width = 520.0, height = 318.0
    static let left = 64.0, right = 480.0, top = 34.0, bottom = 226.0

    struct Bin { let low: Double, high: Double, count: Int }

    let target: Target
    let bins: [Bin]
    let x: AxisScale
    let y: AxisScale
    /// Where the target line is drawn: the threshold, or half a unit below it for whole numbers.
    let edge: Double
    /// Runs below the first bin and above the last, with those bins' outer edges.
    let below: (edge: Double, runs: Int), above: (edge: Double, runs: Int)
    let labels: Labels

    /// - Parameter values: the deciding value of every run.
    init(target: Target, values: [Double], labels: Labels) {
        self.target = target
        self.labels = labels
        var sorted = values
        let range = OrderStatistics.quantiles(&sorted, at: [0.005, 0.995])
        var low = min(range[0], target.threshold), high = max(range[1], target.threshold)
        let integral = values.allSatisfy { $0 == $0.rounded() } && high - low <= 40
        let logarithmic = !integral && target.metric.isYuan && low > 0 && target.threshold > 0
        // Bin edges in `t` (the value, or its log₁₀), about 30 bins, the target on an edge.
        let toBin: (Double) -> Double = logarithmic ? { log10($0) } : { $0 }
        let fromBin: (Double) -> Double = logarithmic ? { pow(10, $0) } : { $0 }
        var width: Double
        if integral {
            // One bin per whole number; the target's edge is half a unit below it.
            low -= 0.5
            high += 0.5
            width = 1
        } else {
            var a = toBin(low)
            let b = toBin(high), t = toBin(target.threshold)
            width = b > a ? (b - a) / 30 : 1
            a = t - ((t - a) / width).rounded(.up) * width
            // A quantity that cannot be negative gets no bin below zero.
            if !logarithmic && range[0] >= 0 && a < 0 { a += ((-a) / width).rounded(.up) * width }
            low = a
            high = b
        }
        let count = max(1, Int(((high - low) / width).rounded(.up)))
        var counts = [Int](repeating: 0, count: count)
        var under = 0, over = 0
        for v in values {
            let position = ((toBin(v) - low) / width).rounded(.down)
            if !(position >= 0) { under += 1 } else if position >= Double(count) { over += 1 } else { counts[Int(position)] += 1 }
        }
        bins = (0..<count).map { Bin(low: fromBin(low + Double($0) * width), high: fromBin(low + Double($0 + 1) * width), count: counts[$0]) }
        below = (bins.first!.low, under)
        above = (bins.last!.high, over)
        x =
            logarithmic
            ? AxisScale(logCovering: [bins.first!.low, bins.last!.high], pixels: Self.left...Self.right, reversed: false, tickSpacing: 64)
            : integral
                ? AxisScale(domain: bins.first!.low...bins.last!.high, pixels: Self.left...Self.right, reversed: false)
                : AxisScale(
                    covering: [bins.first!.low, bins.last!.high], pixels: Self.left...Self.right, reversed: false,
                    fromZero: range[0] >= 0 && bins.first!.low <= 0)
        edge = integral ? target.threshold - 0.5 : target.threshold
        y = AxisScale(covering: [0, Double(counts.max() ?? 1)], pixels: Self.top...Self.bottom, reversed: true, fromZero: true, targetTicks: 4)
    }

    /// The template's values are dictionaries, not structs: the template engine reads a struct's
    /// fields by reflection, which made a desk page's six histograms a third of its rendering.
    func svg(title: String) -> String {
        let bars = bins.map { bin -> [String: Any] in
            [
                "x": svgNumber(x(bin.low)), "y": svgNumber(y(Double(bin.count))), "width": svgNumber(max(0, x(bin.high) - x(bin.low) - 1)),
                "height": svgNumber(Self.bottom - y(Double(bin.count))), "met": bin.low >= edge - 1e-9 * abs(edge),
            ]
        }
        let view: [String: Any] = [
            "width": svgNumber(Self.width), "height": svgNumber(Self.height), "title": title,
            "left": svgNumber(Self.left), "right": svgNumber(Self.right), "top": svgNumber(Self.top), "bottom": svgNumber(Self.bottom),
            "bars": bars,
            "xTicks": x.ticks.map { ["position": svgNumber(x($0)), "label": labels.numbers.tick($0, of: target.metric)] },
            "yTicks": y.ticks.map { ["position": svgNumber(y($0)), "label": NumberStyle.grouped($0)] },
            "thresholdX": svgNumber(x(edge)), "thresholdLabel": "\(labels.threshold) \(labels.goal(target))",
            "thresholdAnchor": x(edge) > (Self.left + Self.right) / 2 ? "end" : "start",
            "thresholdLabelX": svgNumber(x(edge) + (x(edge) > (Self.left + Self.right) / 2 ? -5 : 5)),
            "tickEnd": svgNumber(Self.bottom + 5), "xTickLabelY": svgNumber(Self.bottom + 20), "legendY": svgNumber(Self.bottom + 52),
            "runsMeeting": labels.runsMeeting, "otherRuns": labels.otherRuns, "runsLabel": labels.runs,
            "hasOutside": below.runs + above.runs > 0, "outsideY": svgNumber(Self.bottom + 74),
            "outsideLabel": labels.outsideBins(
                below: below.runs > 0 ? (labels.numbers.tick(below.edge, of: target.metric), below.runs) : nil,
                above: above.runs > 0 ? (labels.numbers.tick(above.edge, of: target.metric), above.runs) : nil),
        ]
        return Templates.histogram.render(view)
    }
}
