import Foundation
import PilotModel
import Simulator

/// The distribution over runs of one target's deciding value, with the target drawn as a line:
/// runs that meet it in a dark fill, the others light.
struct Histogram {
    static let width = 520.0, height = 300.0
    static let left = 64.0, right = 480.0, top = 34.0, bottom = 226.0

    struct Bin { let low: Double, high: Double, count: Int }

    let target: Target
    let bins: [Bin]
    let x: AxisScale
    let y: AxisScale
    /// Where the target line is drawn: the threshold, or half a unit below it for whole numbers.
    let edge: Double
    let labels: Labels

    /// - Parameter values: the deciding value of every run.
    init(target: Target, values: [Double], labels: Labels) {
        self.target = target
        self.labels = labels
        var sorted = values
        let range = OrderStatistics.quantiles(&sorted, at: [0.005, 0.995])
        var low = min(range[0], target.threshold), high = max(range[1], target.threshold)
        let integral = values.allSatisfy { $0 == $0.rounded() } && high - low <= 40
        let width: Double
        if integral {
            // One bin per whole number; the target's edge is half a unit below it.
            low -= 0.5
            high += 0.5
            width = 1
            x = AxisScale(domain: low...high, pixels: Self.left...Self.right, reversed: false)
        } else {
            if high <= low { high = low + 1 }
            // About 30 bins, shifted so that the target is a bin edge.
            width = (high - low) / 30
            low = target.threshold - ((target.threshold - low) / width).rounded(.up) * width
            x = AxisScale(covering: [low, high], pixels: Self.left...Self.right, reversed: false, fromZero: false)
        }
        let count = max(1, Int(((high - low) / width).rounded(.up)))
        var counts = [Int](repeating: 0, count: count)
        // Values outside the 0.5%–99.5% range fall in the outermost bins.
        for v in values { counts[min(count - 1, max(0, Int(((v - low) / width).rounded(.down))))] += 1 }
        bins = (0..<count).map { Bin(low: low + Double($0) * width, high: low + Double($0 + 1) * width, count: counts[$0]) }
        edge = integral ? target.threshold - 0.5 : target.threshold
        y = AxisScale(covering: [0, Double(counts.max() ?? 1)], pixels: Self.top...Self.bottom, reversed: true, fromZero: true, targetTicks: 4)
    }

    struct Bar { let x: String, y: String, width: String, height: String, met: Bool }
    struct Tick { let position: String, label: String }

    func svg(title: String) -> String {
        let bars = bins.map { bin in
            Bar(x: svgNumber(x(bin.low)), y: svgNumber(y(Double(bin.count))), width: svgNumber(max(0, x(bin.high) - x(bin.low) - 1)),
                height: svgNumber(Self.bottom - y(Double(bin.count))), met: bin.low >= edge - 1e-9 * abs(edge))
        }
        let view: [String: Any] = [
            "width": svgNumber(Self.width), "height": svgNumber(Self.height), "title": title,
            "left": svgNumber(Self.left), "right": svgNumber(Self.right), "top": svgNumber(Self.top), "bottom": svgNumber(Self.bottom),
            "bars": bars,
            "xTicks": x.ticks.map { Tick(position: svgNumber(x($0)), label: labels.numbers.tick($0, of: target.metric)) },
            "yTicks": y.ticks.map { Tick(position: svgNumber(y($0)), label: NumberStyle.grouped($0)) },
            "thresholdX": svgNumber(x(edge)), "thresholdLabel": "\(labels.threshold) \(labels.goal(target))",
            "thresholdAnchor": x(edge) > (Self.left + Self.right) / 2 ? "end" : "start",
            "thresholdLabelX": svgNumber(x(edge) + (x(edge) > (Self.left + Self.right) / 2 ? -5 : 5)),
            "tickEnd": svgNumber(Self.bottom + 5), "xTickLabelY": svgNumber(Self.bottom + 20), "legendY": svgNumber(Self.bottom + 52),
            "runsMeeting": labels.runsMeeting, "otherRuns": labels.otherRuns, "runsLabel": labels.runs,
        ]
        return Templates.histogram.render(view)
    }
}
