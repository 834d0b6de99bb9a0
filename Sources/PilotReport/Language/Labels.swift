import PilotModel

/// Every word a report prints, for one language; `Labels.english` and `Labels.chinese` are the
/// two tables. The Chinese terms are the plan's own (海政办发〔2023〕35号).
public struct Labels: Sendable {
    public let language: Language
    public let reportTitle: String
    public let scenario: String, runs: String, seed: String, generator: String, calendar: String
    public let generated: String, command: String
    /// How the random generators are set up (`Generators.description` in English).
    public let generatorDescription: String
    /// Appended to the baseline's file name when it is the copy inside the binary.
    public let embedded: String
    public let targets: String, target: String, deadline: String, goal: String
    public let medianAtDeadline: String, probability: String, interval95: String, verdict: String
    public let joint: String, jointTargets: String, probabilityAll: String
    public let stagesHeading: String, stage: String, months: String
    public let noTargets: String
    public let assumptions: String, parameter: String, distribution: String
    public let howToReadHeading: String, howToRead: String
    public let fanChartsHeading: String, histogramsHeading: String, tornadoHeading: String
    public let legendOuterBand: String, legendInnerBand: String, legendMedian: String, legendTarget: String
    /// Said of a chart whose value axis is logarithmic.
    public let logScale: String
    public let threshold: String, runsMeeting: String, otherRuns: String
    public let swingAxis: String, withNothingPinned: String
    /// A tornado bar's swing with its 95% interval's half-width, both in points.
    let swingFormat: @Sendable (String, String) -> String
    /// Said when the tornado ran fewer runs than the targets table: its runs, the table's.
    let tornadoRunsFormat: @Sendable (String, String) -> String
    /// `parameter at P10`, for a tornado chart's legend, from the quantile in percent.
    let pinnedQuantileFormat: @Sendable (String) -> String
    /// The words of `sweep`, `tornado` and `sobol`.
    public let analysis: AnalysisLabels
    /// Verdict words.
    let verdicts: [Verdict: String]
    /// Metric names by `Metric.description`.
    let metricNames: [String: String]
    /// The plan's stage names by stage id.
    let stageNames: [String: String]
    /// `due 2023-12 (7)`.
    let dueFormat: @Sendable (String, Int) -> String
    /// `all 9 targets`.
    let allFormat: @Sendable (Int) -> String
    /// `+¥500.0M over 2023-12`.
    let increaseFormat: @Sendable (String, String) -> String
    /// The Monte Carlo error line, given the widest half-width in points and the run count.
    let errorFormat: @Sendable (String, String) -> String
    /// A histogram's title, given a target's label and deadline.
    let histogramTitleFormat: @Sendable (String, String) -> String
    /// The runs beyond a histogram's bins: below its first edge, above its last; and the line
    /// that lists them.
    let belowFormat: @Sendable (String, String) -> String, aboveFormat: @Sendable (String, String) -> String
    let outsideFormat: @Sendable (String) -> String
    /// The verdicts defined, given the scenario's "likely" and "unlikely" thresholds in percent
    /// and the words for likely, uncertain, unlikely and unreliable.
    let verdictDefinitionFormat: @Sendable (String, String, [String]) -> String
    /// Which runs the per-run sections draw on, when not all: the runs kept and the runs in all.
    let perRunFormat: @Sendable (String, String) -> String
    /// How `run --precision H` chose the run count: H reached, or the cap reached first.
    let precisionReachedFormat: @Sendable (String) -> String, precisionCappedFormat: @Sendable (String) -> String

    public var numbers: NumberStyle { NumberStyle(language) }

    public func verdict(_ verdict: Verdict) -> String { verdicts[verdict]! }

    public func metric(_ metric: Metric) -> String { metricNames[metric.description] ?? metric.description }

    /// The plan's name for a stage, or the scenario's id for a stage the plan does not have.
    public func stage(_ id: String) -> String { stageNames[id] ?? id }

    public func due(_ month: Month, count: Int) -> String { dueFormat(month.description, count) }
    public func all(_ count: Int) -> String { allFormat(count) }
    public func monteCarloError(halfWidthPoints: String, runs: String) -> String { errorFormat(halfWidthPoints, runs) }
    public func histogramTitle(label: String, deadline: Month) -> String { histogramTitleFormat(label, deadline.description) }
    public func perRunNote(kept: String, of runs: String) -> String { perRunFormat(kept, runs) }
    func tornadoRuns(_ runs: Int, of total: Int) -> String {
        tornadoRunsFormat(NumberStyle.grouped(Double(runs)), NumberStyle.grouped(Double(total)))
    }
    public func verdictDefinition(_ thresholds: VerdictThresholds) -> String {
        verdictDefinitionFormat(
            numbers.percent(thresholds.likely), numbers.percent(thresholds.unlikely),
            [verdict(.likely), verdict(.uncertain), verdict(.unlikely), condition.unreliable])
    }
    func outsideBins(below: (edge: String, runs: Int)?, above: (edge: String, runs: Int)?) -> String {
        outsideFormat(
            [
                below.map { belowFormat($0.edge, NumberStyle.grouped(Double($0.runs))) },
                above.map { aboveFormat($0.edge, NumberStyle.grouped(Double($0.runs))) },
            ].compactMap { $0 }.joined(separator: "; "))
    }

    /// A target's goal in words: `≥ 120,000` or `+¥500.0M over 2023-12`.
    public func goal(_ target: Target) -> String {
        let amount = numbers.value(target.threshold, of: target.metric)
        if let base = target.base { return increaseFormat(amount, base.description) }
        return "≥ \(amount)"
    }

    public static let english = Labels(
        language: .english, reportTitle: "pilotsim report",
        scenario: "scenario", runs: "runs", seed: "seed", generator: "generator", calendar: "calendar",
        generated: "generated", command: "command",
        generatorDescription: Generators.description, embedded: "embedded",
        targets: "Targets", target: "target", deadline: "deadline", goal: "goal",
        medianAtDeadline: "median (P5–P95) at deadline", probability: "P(met)", interval95: "95% interval", verdict: "verdict",
        joint: "Joint probabilities (all listed targets met in the same run)", jointTargets: "targets", probabilityAll: "P(all met)",
        stagesHeading: "Added in each stage, median (P5–P95)", stage: "stage", months: "months",
        noTargets: "No targets in this scenario.",
        assumptions: "Assumptions: every uncertain parameter", parameter: "parameter", distribution: "distribution",
        howToReadHeading: "How to read this",
        howToRead: """
            Each run draws every uncertain assumption once and then simulates the pilot month by month with chance \
            in every month. P(met) is the share of runs that meet a target; its 95% interval is the Monte Carlo \
            error only — how precisely the probability is known under these assumptions, not how right the \
            assumptions are. The bands of the fan charts hold 90% (light) and 50% (dark) of the runs at each month, \
            the line is the median; diamonds mark the targets at their deadlines. The histograms show how the \
            runs end at each deadline against the target. Targets are correlated, so the joint probability is not \
            the product of the parts.
            """,
        fanChartsHeading: "How the pilot unfolds", histogramsHeading: "Where the runs end at each deadline",
        tornadoHeading: "Which assumptions move each target (tornado)",
        legendOuterBand: "P5–P95", legendInnerBand: "P25–P75", legendMedian: "median", legendTarget: "target", logScale: "log scale",
        threshold: "target", runsMeeting: "runs meeting the target", otherRuns: "other runs",
        swingAxis: "P(met)", withNothingPinned: "nothing pinned", swingFormat: { "swing \($0) ± \($1) pts" },
        tornadoRunsFormat: {
            "Each tornado setting is simulated with the first \($0) runs, fewer than the \($1) of the targets table: its “nothing pinned” line is P(met) over those runs, so it can differ from the table within their Monte Carlo error."
        }, pinnedQuantileFormat: { "parameter at P\($0)" },
        analysis: .english,
        verdicts: [.likely: "likely", .uncertain: "uncertain", .unlikely: "unlikely"],
        metricNames: [
            "wallets": "wallets", "wallets.personal": "personal wallets", "wallets.corporate": "corporate wallets",
            "wallets.active": "active wallets", "merchants": "accepting merchants", "transactions": "transactions",
            "amount": "transaction amount", "amount.personal": "personal amount", "amount.corporate": "corporate amount",
            "amount.public": "public-channel amount", "amount.campaign": "campaign amount",
            "amount.monthly": "amount in the month", "transactions.monthly": "transactions in the month",
            "milestones.innovation_scenarios": "innovation scenarios", "milestones.typical_cases": "typical cases",
            "milestones.demo_zones": "demonstration zones", "milestones.demo_towns": "demonstration towns",
        ],
        stageNames: ["preparation": "preparation", "launch": "launch", "expansion": "expansion", "deepening": "deepening"],
        dueFormat: { "due \($0) (\($1))" }, allFormat: { "all \($0) targets" },
        increaseFormat: { "+\($0) over \($1)" },
        errorFormat: { "Monte Carlo error: P(met) ± \($0) points at most (95% Wilson half-width, \($1) runs); more runs narrow it by 1/√runs." },
        histogramTitleFormat: { "\($0): value at \($1)" },
        belowFormat: { "< \($0): \($1) runs" }, aboveFormat: { "≥ \($0): \($1) runs" },
        outsideFormat: { "Beyond the bars: \($0)" },
        verdictDefinitionFormat: {
            "Verdicts: “\($2[0])” when P(met) is at least \($0), “\($2[2])” when it is below \($1), “\($2[1])” in between "
                + "(the scenario's verdict: thresholds). A conditioned verdict that the sampler's own checks cannot support reads “\($2[3])”."
        },
        perRunFormat: {
            "These histograms, and the comparison and explanation below, are drawn from the first \($0) of the \($1) runs (runs are independent, so they are a random sample); the tables above use every run."
        },
        precisionReachedFormat: { "until every P(met) half-width ≤ \($0)" },
        precisionCappedFormat: { "--max-runs reached before every P(met) half-width ≤ \($0)" })

    public static let chinese = Labels(
        language: .chinese, reportTitle: "pilotsim 试点模拟报告",
        scenario: "情景", runs: "模拟次数", seed: "随机种子", generator: "随机数发生器", calendar: "时间范围",
        generated: "生成时间", command: "命令",
        generatorDescription: "GSL taus2；每个参数、每个模拟步骤各用一条随机数流，由 SplitMix64(种子, 模拟序号, 名称) 确定",
        embedded: "内置",
        targets: "量化目标", target: "目标", deadline: "截止月份", goal: "目标值",
        medianAtDeadline: "截止时中位数（P5–P95）", probability: "达成概率", interval95: "95% 区间", verdict: "判断",
        joint: "联合概率（同一次模拟中所列目标全部达成）", jointTargets: "目标", probabilityAll: "全部达成概率",
        stagesHeading: "各阶段新增量，中位数（P5–P95）", stage: "阶段", months: "月份",
        noTargets: "本情景没有设定目标。",
        assumptions: "假设：全部不确定参数", parameter: "参数", distribution: "分布",
        howToReadHeading: "如何阅读本报告",
        howToRead: """
            每次模拟先对每项不确定的假设抽取一次取值，再按月模拟试点进程，每个月都有随机波动。达成概率是达成目标的模拟所占比例；\
            其 95% 区间只反映蒙特卡洛误差，即在这些假设下概率估计的精度，而不代表假设本身是否正确。扇形图的浅色带和深色带分别覆盖\
            每个月 90% 和 50% 的模拟结果，实线为中位数；菱形标出各目标及其截止月份。直方图显示各截止月份的模拟结果与目标值的对比。\
            各目标之间相互关联，联合概率并不等于各项概率的乘积。
            """,
        fanChartsHeading: "试点进程", histogramsHeading: "截止月份的模拟结果分布",
        tornadoHeading: "影响各目标的关键假设（龙卷风图）",
        legendOuterBand: "P5–P95", legendInnerBand: "P25–P75", legendMedian: "中位数", legendTarget: "目标", logScale: "对数刻度",
        threshold: "目标值", runsMeeting: "达成目标的模拟", otherRuns: "其他模拟",
        swingAxis: "达成概率", withNothingPinned: "参数均不固定", swingFormat: { "差值 \($0) ± \($1) 个百分点" },
        tornadoRunsFormat: { "龙卷风图的每种设定只模拟前 \($0) 次，少于目标表的 \($1) 次：其“参数均不固定”线是这些模拟的达成概率，与目标表的差异在蒙特卡洛误差之内。" }, pinnedQuantileFormat: { "参数取 P\($0)" },
        analysis: .chinese,
        verdicts: [.likely: "可能达成", .uncertain: "不确定", .unlikely: "难以达成"],
        metricNames: [
            "wallets": "钱包数量", "wallets.personal": "个人钱包数量", "wallets.corporate": "对公钱包数量",
            "wallets.active": "活跃钱包数量", "merchants": "受理商户", "transactions": "交易笔数",
            "amount": "总交易金额", "amount.personal": "个人交易金额", "amount.corporate": "对公交易金额",
            "amount.public": "公共服务交易金额", "amount.campaign": "促消费活动交易金额",
            "amount.monthly": "当月交易金额", "transactions.monthly": "当月交易笔数",
            "milestones.innovation_scenarios": "重点创新场景", "milestones.typical_cases": "试点应用典型案例",
            "milestones.demo_zones": "特色应用场景示范区", "milestones.demo_towns": "示范镇",
        ],
        stageNames: ["preparation": "试点准备阶段", "launch": "推广启动阶段", "expansion": "增量扩面阶段", "deepening": "总结深化阶段"],
        dueFormat: { "\($0) 到期（\($1) 项）" }, allFormat: { "全部 \($0) 项目标" },
        increaseFormat: { "较 \($1) 增加 \($0)" },
        errorFormat: { "蒙特卡洛误差：达成概率最多 ± \($0) 个百分点（95% Wilson 区间半宽，\($1) 次模拟）；模拟次数增加，误差按 1/√次数 缩小。" },
        histogramTitleFormat: { "\($0)：\($1) 的取值" },
        belowFormat: { "< \($0)：\($1) 次" }, aboveFormat: { "≥ \($0)：\($1) 次" },
        outsideFormat: { "柱形范围以外：\($0)" },
        verdictDefinitionFormat: {
            "判断：达成概率不低于 \($0) 为“\($2[0])”，低于 \($1) 为“\($2[2])”，介于两者之间为“\($2[1])”（阈值取自情景文件）。"
                + "以公布数据为条件的判断若未通过抽样器自身的检验，则显示为“\($2[3])”。"
        },
        perRunFormat: { "以下直方图以及后文的方案比较和影响因素分析取自 \($1) 次模拟中的前 \($0) 次（各次模拟相互独立，即为随机样本）；上方各表使用全部模拟。" },
        precisionReachedFormat: { "直到每个达成概率的区间半宽 ≤ \($0)" },
        precisionCappedFormat: { "已达 --max-runs 上限，尚未使每个达成概率的区间半宽 ≤ \($0)" })
}

extension Labels {
    /// `parameter at P10` for the quantile 0.1.
    public func pinnedQuantile(_ p: Double) -> String { pinnedQuantileFormat(NumberStyle.fixed(p * 100, 0)) }

    /// How `run --precision` chose the run count: every half-width at most `precision`, or the
    /// run cap reached first.
    public func stoppingRule(precision: Double, reached: Bool) -> String {
        (reached ? precisionReachedFormat : precisionCappedFormat)(formatNumber(precision))
    }

    /// A scenario's own text (name, description, target label) in this table's language.
    public func text(_ text: LocalizedText) -> String { text.text(in: language.rawValue) }
}
