/// The words of the Excel workbook — sheet names and the columns the other tables do not name —
/// for one language.
public struct WorkbookLabels: Sendable {
    public let targets: String, monthly: String, stages: String, assumptions: String, charts: String, about: String
    public let ciLow: String, ciHigh: String, p05: String, p95: String, median: String, mean: String, sd: String
    public let month: String, metric: String, keyPath: String, item: String, value: String
    public let tornado: String, pinnedLow: String, pinnedHigh: String, swing: String, swingHalfWidth: String
    public let histograms: String, binLabel: String, binFrom: String, binTo: String
    public let comparison: String, differenceBA: String, medianDifference: String
    public let sweep: String, point: String
    public let sobol: String, firstOrder: String, totalIndex: String, index: String

    public static let english = WorkbookLabels(
        targets: "Targets", monthly: "Monthly", stages: "Stages", assumptions: "Assumptions", charts: "Charts", about: "About",
        ciLow: "95% interval, low", ciHigh: "95% interval, high", p05: "P5", p95: "P95", median: "median", mean: "mean", sd: "sd",
        month: "month", metric: "metric", keyPath: "key path", item: "item", value: "value",
        tornado: "Tornado", pinnedLow: "P(met), parameter low", pinnedHigh: "P(met), parameter high", swing: "swing",
        swingHalfWidth: "swing ± (95%)",
        histograms: "Histograms", binLabel: "bin", binFrom: "from", binTo: "to",
        comparison: "Comparison", differenceBA: "B − A", medianDifference: "median B − A of the value",
        sweep: "Sweep", point: "point",
        sobol: "Sobol", firstOrder: "first-order S1", totalIndex: "total ST", index: "index")

    public static let chinese = WorkbookLabels(
        targets: "量化目标", monthly: "月度分位数", stages: "分阶段增量", assumptions: "假设", charts: "图表", about: "说明",
        ciLow: "95% 区间下限", ciHigh: "95% 区间上限", p05: "P5", p95: "P95", median: "中位数", mean: "均值", sd: "标准差",
        month: "月份", metric: "指标", keyPath: "参数路径", item: "项目", value: "内容",
        tornado: "龙卷风图", pinnedLow: "参数取低值时达成概率", pinnedHigh: "参数取高值时达成概率", swing: "差值",
        swingHalfWidth: "差值 ±（95%）",
        histograms: "分布直方图", binLabel: "区间", binFrom: "下限", binTo: "上限",
        comparison: "情景对比", differenceBA: "B − A", medianDifference: "取值差 B − A 中位数",
        sweep: "参数扫描", point: "点",
        sobol: "Sobol 指数", firstOrder: "一阶指数 S1", totalIndex: "总效应指数 ST", index: "指数")
}

extension Labels {
    /// The workbook's words in this table's language.
    public var workbook: WorkbookLabels { language == .chinese ? .chinese : .english }
}
