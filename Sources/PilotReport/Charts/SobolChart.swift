import PilotModel
import Simulator

/// The Sobol indices of one target: for its most influential inputs (by total index), the
/// first-order index S1 (light) and the total index ST (dark) as bars on a 0–1 axis, each with
/// its 95% bootstrap interval as a whisker; inputs whose ST cannot reach 0.01 are left out.
struct SobolChart {
    static let width = 1040.0, rowHeight = 30.0
    static let left = 540.0, right = 940.0, top = 44.0
    /// How many inputs a chart shows at most.
    static let rows = 8

    let names: [String]
    let indices: [SobolAnalysis.Indices]
    let labels: Labels

    struct Row {
        let label: String, textY: String
        let firstY: String, firstWidth: String, firstWhisker: String
        let totalY: String, totalWidth: String, totalWhisker: String
        let values: String, valuesX: String
    }
    struct Tick { let position: String, label: String }

    /// - Parameters:
    ///   - names: each input's name, in the analysis' order.
    ///   - indices: the target's indices, in the same order.
    init(names: [String], indices: [SobolAnalysis.Indices], labels: Labels) {
        // Inputs whose total index is below 0.01 even at the top of its interval explain nothing worth a bar.
        let ranked = indices.indices.filter { indices[$0].totalInterval.upperBound >= 0.01 }
            .sorted { indices[$0].total > indices[$1].total }.prefix(Self.rows)
        self.names = ranked.map { names[$0] }
        self.indices = ranked.map { indices[$0] }
        self.labels = labels
    }

    var height: Double { Self.top + Double(indices.count) * Self.rowHeight + 56 }

    func svg(title: String) -> String {
        let x = AxisScale(domain: 0...1, pixels: Self.left...Self.right, reversed: false, targetTicks: 5)
        func position(_ value: Double) -> Double { x(min(1, max(0, value))) }
        func whisker(_ interval: ClosedRange<Double>, _ y: Double) -> String {
            "M\(svgNumber(position(interval.lowerBound))),\(svgNumber(y))H\(svgNumber(position(interval.upperBound)))"
        }
        let rows = indices.enumerated().map { k, i -> Row in
            let y = Self.top + Double(k) * Self.rowHeight
            return Row(
                label: names[k], textY: svgNumber(y + 17),
                firstY: svgNumber(y + 4), firstWidth: svgNumber(position(i.firstOrder) - Self.left),
                firstWhisker: whisker(i.firstOrderInterval, y + 8.5),
                totalY: svgNumber(y + 14), totalWidth: svgNumber(position(i.total) - Self.left),
                totalWhisker: whisker(i.totalInterval, y + 18.5),
                values: "\(NumberStyle.fixed(i.firstOrder, 2)) / \(NumberStyle.fixed(i.total, 2))",
                valuesX: svgNumber(Self.right + 10))
        }
        let bottom = Self.top + Double(indices.count) * Self.rowHeight
        let words = labels.analysis
        let view: [String: Any] = [
            "width": svgNumber(Self.width), "height": svgNumber(height), "title": title,
            "left": svgNumber(Self.left), "right": svgNumber(Self.right), "top": svgNumber(Self.top), "bottom": svgNumber(bottom),
            "labelX": svgNumber(Self.left - 8), "rows": rows,
            "ticks": x.ticks.map { Tick(position: svgNumber(x($0)), label: NumberStyle.trimmed(NumberStyle.fixed($0, 1))) },
            "tickLabelY": svgNumber(bottom + 18), "legendY": svgNumber(bottom + 42),
            "firstOrder": words.firstOrder, "total": words.total,
        ]
        return Templates.sobol.render(view)
    }
}
