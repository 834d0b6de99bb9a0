import Foundation
import PilotModel
import Simulator

/// The distribution over runs of one target's deciding value, with the target drawn as a line:
/// runs that meet it in a dark fill, the others light.
struct Histogram {
    static let width = 520.0, height = 300.0
    static let left = 64.0, right = 500.0, top = 34.0, bottom = 226.0

    struct Bin { let low: Double, high: Double, count: Int }

    let target: Target
    let bins: [Bin]
    let x: AxisScale
    let y: AxisScale
    let labels: Labels

    /// - Parameter values: the deciding value of every run.
    init(target: Target, values: [Double], labels: Labels) {
        self.target = target
        self.labels = labels
        var sorted = values
        let range = OrderStatistics.quantiles(&sorted, at: [0.005, 0.995])
        var low = min(range[0], target.threshold), high = max(range[1], target.threshold)
        let integral = values.allSatisfy { $0 == $0.rounded() } && high - low <= 40
        if integral { low -= 0.5; high += 0.5 }
        if high <= low { high = low + 1 }
        x = AxisScale(covering: [low, high], pixels: Self.left...Self.right, reversed: false, fromZero: false, targetTicks: 5)
        let count = integral ? Int(high - low) : 30
        let width = (high - low) / Double(count)
        var counts = [Int](repeating: 0, count: count)
        // Values outside the 0.5%–99.5% range fall in the outermost bins.
        for v in values { counts[min(count - 1, max(0, Int(((v - low) / width).rounded(.down))))] += 1 }
        bins = (0..<count).map { Bin(low: low + Double($0) * width, high: low + Double($0 + 1) * width, count: counts[$0]) }
        y = AxisScale(covering: [0, Double(counts.max() ?? 1)], pixels: Self.top...Self.bottom, reversed: true, fromZero: true, targetTicks: 4)
    }

    struct Bar { let x: String, y: String, width: String, height: String, met: Bool }
    struct Tick { let position: String, label: String }

    func svg(title: String) -> String {
        let bars = bins.map { bin in
            Bar(x: svgNumber(x(bin.low)), y: svgNumber(y(Double(bin.count))), width: svgNumber(max(0, x(bin.high) - x(bin.low) - 1)),
                height: svgNumber(Self.bottom - y(Double(bin.count))), met: (bin.low + bin.high) / 2 >= target.threshold)
        }
        let view: [String: Any] = [
            "width": svgNumber(Self.width), "height": svgNumber(Self.height), "title": title,
            "left": svgNumber(Self.left), "right": svgNumber(Self.right), "top": svgNumber(Self.top), "bottom": svgNumber(Self.bottom),
            "bars": bars,
            "xTicks": x.ticks.map { Tick(position: svgNumber(x($0)), label: labels.numbers.value($0, of: target.metric)) },
            "yTicks": y.ticks.map { Tick(position: svgNumber(y($0)), label: NumberStyle.grouped($0)) },
            "thresholdX": svgNumber(x(target.threshold)), "thresholdLabel": "\(labels.threshold) \(labels.goal(target))",
            "thresholdAnchor": x(target.threshold) > (Self.left + Self.right) / 2 ? "end" : "start",
            "thresholdLabelX": svgNumber(x(target.threshold) + (x(target.threshold) > (Self.left + Self.right) / 2 ? -5 : 5)),
            "tickEnd": svgNumber(Self.bottom + 5), "xTickLabelY": svgNumber(Self.bottom + 20), "legendY": svgNumber(Self.bottom + 52),
            "runsMeeting": labels.runsMeeting, "otherRuns": labels.otherRuns, "runsLabel": labels.runs,
        ]
        return Templates.histogram.render(view)
    }
}
