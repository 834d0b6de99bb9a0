/// The words of `pilotsim condition` for one language.
public struct ConditionLabels: Sendable {
    public let title: String, observationsFile: String, particles: String
    public let prior: String, conditioned: String, intervalESS: String, conditionedMedian: String
    public let observationsHeading: String, month: String, metric: String, observed: String
    public let priorShare: String, priorRange: String, posteriorRange: String
    public let posteriorHeading: String, parameter: String, priorMedian: String, posteriorMedian: String, shrinkage: String
    public let diagnosticsHeading: String, step: String, temperature: String, ess: String, acceptance: String, moves: String
    public let warningsHeading: String
    /// Fan-chart legend entries of a conditioned report.
    public let legendPrior: String, legendObserved: String
    /// `particles 10,000   seed 1`… `model runs 123,456 (…)`.
    let spentFormat: @Sendable (String, String, String) -> String
    /// The sampler stopped at a cap before the full likelihood.
    let notConvergedFormat: @Sendable (String, Int) -> String
    /// The prior cannot explain a figure.
    let surpriseFormat: @Sendable (String, String, String, String, String) -> String
    let reading: String

    /// `model runs 2,100,000 (conditioning) + 20,000 (prior and posterior paths), 9.1 M model-months`.
    public func spent(conditioning: String, final: String, months: String) -> String { spentFormat(conditioning, final, months) }
    public func notConverged(temperature: String, iterations: Int) -> String { notConvergedFormat(temperature, iterations) }
    /// A warning about a figure that the prior can hardly explain.
    public func surprise(metric: String, value: String, month: String, share: String, widen: String) -> String {
        surpriseFormat(metric, value, month, share, widen)
    }

    public static let english = ConditionLabels(
        title: "pilotsim condition", observationsFile: "observed", particles: "particles",
        prior: "prior P(met)", conditioned: "conditioned P(met)", intervalESS: "95% interval (ESS)", conditionedMedian: "conditioned median (P5–P95)",
        observationsHeading: "Reported figures", month: "month", metric: "metric", observed: "reported",
        priorShare: "prior runs ≤ it", priorRange: "prior P5–P95", posteriorRange: "conditioned P5–P95",
        posteriorHeading: "What the figures say about the assumptions", parameter: "parameter",
        priorMedian: "prior median (P5–P95)", posteriorMedian: "conditioned median (P5–P95)", shrinkage: "interval shrinks by",
        diagnosticsHeading: "Sampler", step: "step", temperature: "temperature", ess: "ESS", acceptance: "accepted", moves: "moves",
        warningsHeading: "Warnings", legendPrior: "prior P5–P95", legendObserved: "reported",
        spentFormat: { "model runs \($0) while conditioning (to the last reported month) + \($1) over the whole calendar; \($2) model-months" },
        notConvergedFormat: { "the sampler stopped at temperature \($0) after \($1) steps, short of the full likelihood (1): the conditioned figures below only partly reflect the reports" },
        surpriseFormat: { "warning: the scenario cannot explain \($0) = \($1) at \($2): \($3) of prior runs are at or below it; widen \($4)" },
        reading: "Conditioned P(met) is the chance of each target given the scenario's assumptions and the reported figures, each read with its reporting error. Its interval is the Monte Carlo error at the sampler's effective sample size. It does not make the assumptions right: a figure the scenario cannot explain is flagged above.")

    public static let chinese = ConditionLabels(
        title: "pilotsim 依据已报数据修正预测", observationsFile: "已报数据", particles: "粒子数",
        prior: "先验达成概率", conditioned: "修正后达成概率", intervalESS: "95% 区间（有效样本量）", conditionedMedian: "修正后中位数（P5–P95）",
        observationsHeading: "已报数据", month: "月份", metric: "指标", observed: "报告值",
        priorShare: "先验模拟 ≤ 报告值", priorRange: "先验 P5–P95", posteriorRange: "修正后 P5–P95",
        posteriorHeading: "已报数据对各项假设的约束", parameter: "参数",
        priorMedian: "先验中位数（P5–P95）", posteriorMedian: "修正后中位数（P5–P95）", shrinkage: "区间收窄",
        diagnosticsHeading: "抽样诊断", step: "步", temperature: "温度", ess: "有效样本量", acceptance: "接受率", moves: "移动次数",
        warningsHeading: "警告", legendPrior: "先验 P5–P95", legendObserved: "报告值",
        spentFormat: { "修正阶段模型模拟 \($0) 次（至最后一个报告月份）+ 全程模拟 \($1) 次；共 \($2) 个模型月" },
        notConvergedFormat: { "抽样在温度 \($0)、第 \($1) 步时停止，未达到完整似然（1）：以下修正结果只部分反映已报数据" },
        surpriseFormat: { "警告：情景无法解释 \($2) 的 \($0) = \($1)：先验模拟中只有 \($3) 不高于该值；请放宽 \($4)" },
        reading: "修正后达成概率是在情景假设和已报数据（各按其报告误差）下每项目标的达成概率；其区间为按有效样本量计算的蒙特卡洛误差。它并不证明假设正确：情景无法解释的报告值已在上方标出。")
}

extension Labels {
    /// The words of `pilotsim condition` in this table's language.
    public var condition: ConditionLabels { language == .chinese ? .chinese : .english }
}
