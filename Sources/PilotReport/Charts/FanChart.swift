import Foundation
import PilotModel
import Simulator

/// A fan chart of one metric over the calendar: P5–P95 and P25–P75 bands, the median line,
/// the stages shaded and named, and each target on the metric as a diamond at its deadline.
struct FanChart {
    static let width = 760.0, height = 424.0
    static let left = 92.0, right = 740.0, top = 56.0, bottom = 344.0

    let metric: Metric
    let rows: [MonthlyQuantiles]
    let scenario: Scenario
    let labels: Labels
    let y: AxisScale
    /// With a conditioned forecast: the prior's monthly quantiles of `metric`, drawn as a dashed
    /// P5–P95 outline under the conditioned bands.
    let priorRows: [MonthlyQuantiles]?
    /// With a conditioned forecast: the reported figures of `metric`, drawn as points.
    let observations: [Observation]

    /// - Parameter rows: the monthly quantiles of `metric`, in month order.
    init(
        metric: Metric, rows: [MonthlyQuantiles], scenario: Scenario, labels: Labels,
        priorRows: [MonthlyQuantiles]? = nil, observations: [Observation] = []
    ) {
        self.metric = metric
        self.rows = rows
        self.scenario = scenario
        self.labels = labels
        self.priorRows = priorRows
        self.observations = observations
        let goals =
            Self.goals(metric: metric, rows: rows, scenario: scenario).map(\.value)
            + (priorRows ?? []).map { $0.quantiles[6] } + observations.map(\.value)
        // Yuan grow over orders of magnitude (and their upper tail is long): a log axis keeps the
        // first year's targets readable next to the last year's spread.
        if Self.usesLogScale(metric) {
            let lowest = rows.map { $0.quantiles[0] }.filter { $0 > 0 }.min() ?? 1
            y = AxisScale(
                logCovering: [max(lowest, (rows.map { $0.quantiles[6] }.max() ?? 1) * 1e-4)] + rows.map { $0.quantiles[6] } + goals,
                pixels: Self.top...Self.bottom, reversed: true)
        } else {
            y = AxisScale(covering: rows.map { $0.quantiles[6] } + goals, pixels: Self.top...Self.bottom, reversed: true, fromZero: true)
        }
    }

    /// Amounts in yuan are drawn on a log axis, counts on a linear one.
    static func usesLogScale(_ metric: Metric) -> Bool { metric.isYuan }

    /// The x of month offset `month`: the middle of its column.
    func x(_ month: Int) -> Double {
        Self.left + (Double(month) + 0.5) * (Self.right - Self.left) / Double(scenario.calendar.monthCount)
    }

    /// The point a value at a month is drawn at.
    func point(month: Int, value: Double) -> (x: Double, y: Double) { (x(month), y(value)) }

    /// Targets on this metric as (target, month offset, value drawn): an `increase_over` target is
    /// drawn at the base month's median plus the increase.
    static func goals(metric: Metric, rows: [MonthlyQuantiles], scenario: Scenario) -> [(target: Target, month: Int, value: Double)] {
        scenario.targets.filter { $0.metric == metric }.map { target in
            let base = target.base.map { rows[scenario.calendar.offset(of: $0)].quantiles[3] } ?? 0
            return (target, scenario.calendar.offset(of: target.deadline), base + target.threshold)
        }
    }

    private func path(_ quantile: Int) -> String {
        rows.indices.map { "\($0 == 0 ? "M" : "L")\(svgNumber(x($0))),\(svgNumber(y(rows[$0].quantiles[quantile])))" }.joined(separator: " ")
    }

    private func band(_ low: Int, _ high: Int, of rows: [MonthlyQuantiles]? = nil) -> String {
        let rows = rows ?? self.rows
        let upper = rows.indices.map { "\(svgNumber(x($0))),\(svgNumber(y(rows[$0].quantiles[high])))" }
        let lower = rows.indices.reversed().map { "\(svgNumber(x($0))),\(svgNumber(y(rows[$0].quantiles[low])))" }
        return "M" + (upper + lower).joined(separator: " L") + " Z"
    }

    struct Stage { let x: String, width: String, shaded: Bool, label: String, labelX: String }
    struct Tick { let position: String, label: String }
    struct Marker { let points: String, x: String, y: String, label: String, labelX: String, labelY: String, anchor: String }
    struct Legend { let x: String, label: String, kind: String }
    struct Point { let x: String, y: String }

    func svg() -> String {
        let calendar = scenario.calendar
        let step = (Self.right - Self.left) / Double(calendar.monthCount)
        let stages = calendar.stages.enumerated().map { i, stage -> Stage in
            let a = Self.left + Double(calendar.offset(of: stage.from)) * step
            let b = Self.left + Double(calendar.offset(of: stage.to) + 1) * step
            return Stage(x: svgNumber(a), width: svgNumber(b - a), shaded: i % 2 == 0, label: labels.stage(stage.id), labelX: svgNumber((a + b) / 2))
        }
        let xTicks = (0..<calendar.monthCount).filter { calendar.month(at: $0).month == 1 || calendar.month(at: $0).month == 7 }
            .map { Tick(position: svgNumber(x($0)), label: calendar.month(at: $0).description) }
        let yTicks = y.ticks.map { Tick(position: svgNumber(y($0)), label: labels.numbers.tick($0, of: metric)) }
        let markers = Self.goals(metric: metric, rows: rows, scenario: scenario).map { goal -> Marker in
            let (mx, my) = point(month: goal.month, value: goal.value)
            let onRight = mx > (Self.left + Self.right) / 2
            return Marker(
                points: [(mx, my - 7), (mx + 7, my), (mx, my + 7), (mx - 7, my)].map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " "),
                x: svgNumber(mx), y: svgNumber(my), label: labels.goal(goal.target),
                labelX: svgNumber(onRight ? mx - 11 : mx + 11), labelY: svgNumber(my - 9), anchor: onRight ? "end" : "start")
        }
        let conditioned = priorRows != nil
        let items =
            [("outer", labels.legendOuterBand), ("inner", labels.legendInnerBand), ("median", labels.legendMedian), ("target", labels.legendTarget)]
            + (conditioned ? [("prior", labels.condition.legendPrior), ("observed", labels.condition.legendObserved)] : [])
        let spacing = conditioned ? 108.0 : 150.0
        let legend = items.enumerated().map { i, item in Legend(x: svgNumber(Self.left + Double(i) * spacing), label: item.1, kind: item.0) }
        let points = observations.map { o in Point(x: svgNumber(x(scenario.calendar.offset(of: o.month))), y: svgNumber(y(o.value))) }
        let view: [String: Any] = [
            "width": svgNumber(Self.width), "height": svgNumber(Self.height),
            "title": y.logarithmic ? "\(labels.metric(metric)) (\(labels.logScale))" : labels.metric(metric),
            "left": svgNumber(Self.left), "right": svgNumber(Self.right), "top": svgNumber(Self.top), "bottom": svgNumber(Self.bottom),
            "plotWidth": svgNumber(Self.right - Self.left), "plotHeight": svgNumber(Self.bottom - Self.top),
            "stages": stages, "xTicks": xTicks, "yTicks": yTicks, "markers": markers,
            "outerBand": band(0, 6), "innerBand": band(2, 4), "median": path(3),
            "hasPrior": conditioned, "priorBand": priorRows.map { band(0, 6, of: $0) } ?? "", "observations": points,
            "xTickLabelY": svgNumber(Self.bottom + 20), "tickEnd": svgNumber(Self.bottom + 5), "legendY": svgNumber(Self.bottom + 52),
            "legend": legend.map { item -> [String: Any] in
                [
                    "x": item.x, "label": item.label, "outer": item.kind == "outer", "inner": item.kind == "inner",
                    "median": item.kind == "median", "target": item.kind == "target",
                    "prior": item.kind == "prior", "observed": item.kind == "observed",
                    "swatchEnd": svgNumber((Double(item.x) ?? 0) + 24), "textX": svgNumber((Double(item.x) ?? 0) + 30),
                    "circleX": svgNumber((Double(item.x) ?? 0) + 12),
                    "diamond": Self.diamond(at: (Double(item.x) ?? 0) + 12, svgNumberY: Self.bottom + 48),
                ]
            },
        ]
        return Templates.fanChart.render(view)
    }

    private static func diamond(at x: Double, svgNumberY y: Double) -> String {
        [(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)].map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " ")
    }
}
