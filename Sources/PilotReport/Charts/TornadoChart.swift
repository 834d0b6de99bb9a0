import PilotModel
import Simulator

/// A tornado chart for one target: for its most influential parameters, P(met) with the parameter
/// pinned low (light) and high (dark) against P(met) with nothing pinned (the dashed line), and
/// each swing with its 95% interval (from the paired runs) beside its bars.
struct TornadoChart {
    static let width = 1040.0, rowHeight = 26.0
    static let left = 470.0, right = 870.0, top = 44.0

    let target: Target
    /// The scenario the bars are of (for the parameters' names).
    let scenario: Scenario
    /// The quantiles each parameter was pinned at.
    let low: Double, high: Double
    let baseline: Double
    let bars: [Tornado.Bar]
    let labels: Labels

    var height: Double { Self.top + Double(bars.count) * Self.rowHeight + 56 }

    struct Row {
        let label: String, y: String, textY: String, lowX: String, lowWidth: String, highX: String, highWidth: String
        let lowText: String, highText: String, swing: String
    }
    struct Tick { let position: String, label: String }

    func svg(title: String) -> String {
        // The axis spans the bars (to the nearest 5 points), within 0–100%.
        let probabilities = bars.flatMap { [$0.lowProbability, $0.highProbability] } + [baseline]
        let low = max(0, ((probabilities.min()! - 0.01) / 0.05).rounded(.down) * 0.05)
        let high = min(1, ((probabilities.max()! + 0.01) / 0.05).rounded(.up) * 0.05)
        let x = AxisScale(domain: low...max(high, low + 0.05), pixels: Self.left...Self.right, reversed: false, targetTicks: 5)
        let base = x(baseline)
        let rows = bars.enumerated().map { i, bar -> Row in
            let y = Self.top + Double(i) * Self.rowHeight
            let low = x(bar.lowProbability), high = x(bar.highProbability)
            return Row(
                label: ParameterCatalogue.label(bar.parameter, scenario: scenario, labels), y: svgNumber(y + 4), textY: svgNumber(y + 17),
                lowX: svgNumber(min(base, low)), lowWidth: svgNumber(abs(low - base)),
                highX: svgNumber(min(base, high)), highWidth: svgNumber(abs(high - base)),
                lowText: labels.numbers.percent(bar.lowProbability), highText: labels.numbers.percent(bar.highProbability),
                swing: Self.swing(bar, labels))
        }
        let bottom = Self.top + Double(bars.count) * Self.rowHeight
        let view: [String: Any] = [
            "width": svgNumber(Self.width), "height": svgNumber(height), "title": title,
            "left": svgNumber(Self.left), "right": svgNumber(Self.right), "top": svgNumber(Self.top), "bottom": svgNumber(bottom),
            "labelX": svgNumber(Self.left - 8), "swingX": svgNumber(Self.right + 12), "rows": rows, "baseX": svgNumber(base),
            "ticks": x.ticks.map { Tick(position: svgNumber(x($0)), label: labels.numbers.percent($0)) },
            "tickLabelY": svgNumber(bottom + 18), "legendY": svgNumber(bottom + 42),
            "low": labels.pinnedQuantile(self.low), "high": labels.pinnedQuantile(self.high),
            "nothingPinned": "\(labels.withNothingPinned) \(labels.numbers.percent(baseline))",
        ]
        return Templates.tornado.render(view)
    }

    /// A bar's swing and the half-width of its 95% interval (±1.96 standard errors), in points.
    static func swing(_ bar: Tornado.Bar, _ labels: Labels) -> String {
        labels.swingFormat(NumberStyle.fixed(bar.swing * 100, 1), NumberStyle.fixed(Statistics.z95 * bar.swingStandardError * 100, 1))
    }
}
