import Simulator

/// The words of `pilotsim condition` for one language.
public struct ConditionLabels: Sendable {
    public let title: String, observationsFile: String, particles: String
    public let prior: String, conditioned: String, intervalESS: String, conditionedMedian: String
    public let observationsHeading: String, month: String, metric: String, observed: String
    public let priorShare: String, priorRange: String, posteriorRange: String, replicateRange: String, fit: String
    public let fitOK: String, fitOutside: String
    public let posteriorHeading: String, parameter: String, priorMedian: String, posteriorMedian: String
    public let shift: String, width: String, withinNoise: String
    public let diagnosticsHeading: String, chain: String, step: String, temperature: String, ess: String
    public let parameterAcceptance: String, noiseAcceptance: String, moves: String, distinct: String, families: String
    public let warningsHeading: String
    /// The verdict of a conditioned target whose sample cannot be trusted.
    public let unreliable: String
    /// What "how to read this" adds for a conditioned report.
    public let howToReadConditioned: String
    /// The report's Monte Carlo error line when conditioned.
    let measuredErrorFormat: @Sendable (String) -> String
    /// Where the figures come from when the scenario carries them.
    public let scenarioSection: String
    /// `conditioned on FILE (3 figures)`.
    let figuresFormat: @Sendable (String, Int) -> String
    /// The plan-time view: no figures given, or the scenario's ignored with `--prior`.
    public let noFigures: String
    let ignoredFormat: @Sendable (Int) -> String
    /// `chains 4 × 2,500`, `distinct 9,800`, `effective families 7,300`.
    let sampleFormat: @Sendable (Int, String, String, String) -> String
    /// Sampler warnings: low acceptance, few families, populations disagreeing, sweep cap, misfit.
    let lowAcceptanceFormat: @Sendable (String) -> String
    let fewFamiliesFormat: @Sendable (String, String) -> String
    let disagreeFormat: @Sendable (String) -> String
    let sweepCapFormat: @Sendable (Int) -> String
    let misfitFormat: @Sendable (String, String, String, String) -> String
    /// `narrows by 30%`, `widens by 12%`.
    let narrowsFormat: @Sendable (String) -> String, widensFormat: @Sendable (String) -> String
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
    /// `Monte Carlo error: P(met) ± 1.5 points at most, measured …`.
    public func measuredError(halfWidthPoints: String) -> String { measuredErrorFormat(halfWidthPoints) }
    /// `conditioned on SOURCE (n figures)`.
    public func figuresSource(_ source: String, count: Int) -> String { figuresFormat(source, count) }
    /// `3 reported figures ignored (--prior): the plan-time view`.
    public func figuresIgnored(_ count: Int) -> String { ignoredFormat(count) }
    public func sample(chains: Int, perChain: String, distinct: String, families: String) -> String { sampleFormat(chains, perChain, distinct, families) }
    public func lowAcceptance(_ share: String) -> String { lowAcceptanceFormat(share) }
    public func fewFamilies(_ families: String, particles: String) -> String { fewFamiliesFormat(families, particles) }
    public func disagree(_ targets: String) -> String { disagreeFormat(targets) }
    public func sweepCap(steps: Int) -> String { sweepCapFormat(steps) }
    public func misfit(metric: String, value: String, month: String, band: String) -> String { misfitFormat(metric, value, month, band) }
    /// A change of width, read as what it is.
    public func widthChange(_ ratio: Double, percent: (Double) -> String) -> String {
        ratio <= 1 ? narrowsFormat(percent(1 - ratio)) : widensFormat(percent(ratio - 1))
    }
    /// A warning about a figure that the prior can hardly explain.
    public func surprise(metric: String, value: String, month: String, share: String, widen: String) -> String {
        surpriseFormat(metric, value, month, share, widen)
    }

    public static let english = ConditionLabels(
        title: "pilotsim — the forecast given the reported figures", observationsFile: "figures", particles: "particles",
        prior: "prior P(met)", conditioned: "conditioned P(met)", intervalESS: "95% interval", conditionedMedian: "conditioned median (P5–P95)",
        observationsHeading: "Reported figures", month: "month", metric: "metric", observed: "reported",
        priorShare: "prior runs ≤ it", priorRange: "prior P5–P95", posteriorRange: "conditioned P5–P95",
        replicateRange: "replicated reports P5–P95", fit: "fit", fitOK: "ok", fitOutside: "outside P0.5–P99.5",
        posteriorHeading: "What the figures say about the assumptions (parameters they can inform, most moved first)", parameter: "parameter",
        priorMedian: "prior median (P5–P95)", posteriorMedian: "conditioned median (P5–P95)",
        shift: "median shift (prior widths)", width: "P5–P95 width", withinNoise: "within Monte Carlo noise",
        diagnosticsHeading: "Sampler", chain: "chain", step: "step", temperature: "temperature", ess: "ESS",
        parameterAcceptance: "parameter moves accepted", noiseAcceptance: "noise moves accepted", moves: "sweeps",
        distinct: "distinct", families: "effective families",
        warningsHeading: "Warnings", unreliable: "unreliable",
        howToReadConditioned: """
            This report is conditioned on the reported figures named above: each run is a particle of the sampler, \
            a run of the model whose assumptions and chance up to the last reported month agree with those figures \
            (within their stated reporting error), continued with chance of its own from then on. Every probability, \
            band and histogram below is of those runs; its interval is measured from independent populations of \
            particles. The prior (the plan-time view, before the figures) is compared with it in its own section.
            """,
        measuredErrorFormat: {
            "Monte Carlo error: P(met) ± \($0) points at most, measured: the wider of the Wilson interval at the effective families and the spread between the sampler's independent populations (see the sample-quality line under \"Reported figures\")."
        },
        scenarioSection: "the scenario's observed: section",
        figuresFormat: { "conditioned on \($0) (\($1) figure\($1 == 1 ? "" : "s"))" },
        noFigures: "none: the plan-time view",
        ignoredFormat: { "\($0) reported figure\($0 == 1 ? "" : "s") ignored (--prior): the plan-time view" },
        sampleFormat: {
            "\($0) independent populations of \($1) particles: \($2) distinct particles, \($3) effective families (n²/Σ copies² of identical parameter vectors)"
        },
        lowAcceptanceFormat: {
            "warning: the sampler's moves were accepted only \($0) of the time at its last step: the particles barely move, and the conditioned results are unreliable"
        },
        fewFamiliesFormat: {
            "warning: only \($0) effective families remain of \($1) particles: the conditioned results rest on few distinct draws and are unreliable"
        },
        disagreeFormat: {
            "warning: the independent populations disagree beyond their error on \($0): the sampler has not found one answer, and those verdicts are unreliable"
        },
        sweepCapFormat: {
            "caution: in \($0) tempering step\($0 == 1 ? "" : "s") the sweeps stopped at their cap (\(Conditioning.maximumSweeps)) before the particles had travelled their own spread; the populations' spread, inside every interval, is the check that counts"
        },
        misfitFormat: {
            "warning: the conditioned model does not reproduce \($0) = \($1) at \($2): replicated reports' P0.5–P99.5 is \($3); the scenario and the figures disagree"
        },
        narrowsFormat: { "narrows by \($0)" }, widensFormat: { "widens by \($0)" },
        legendPrior: "prior P5–P95", legendObserved: "reported",
        spentFormat: { "model runs \($0) while conditioning (to the last reported month) + \($1) over the whole calendar; \($2) model-months" },
        notConvergedFormat: {
            "the sampler stopped at temperature \($0) after \($1) steps, short of the full likelihood (1): the conditioned figures below only partly reflect the reports"
        },
        surpriseFormat: { "warning: the scenario cannot explain \($0) = \($1) at \($2): \($3) of prior runs are at or below it; widen \($4)" },
        reading:
            "Conditioned P(met) is the chance of each target given the scenario's assumptions and the reported figures, each read with its reporting error. Its interval is the Monte Carlo error, measured: the wider of the Wilson interval at the effective families and the spread between the independent populations. A verdict reads \"unreliable\" when the sampler's sample cannot support it (see the warnings). Replicated reports are what the conditioned model would report, with fresh chance and the reporting error: a figure outside their P0.5–P99.5 is one the scenario cannot reproduce. Conditioning does not make the assumptions right."
    )

    public static let chinese = ConditionLabels(
        title: "pilotsim 依据已报数据修正预测", observationsFile: "已报数据", particles: "粒子数",
        prior: "先验达成概率", conditioned: "修正后达成概率", intervalESS: "95% 区间", conditionedMedian: "修正后中位数（P5–P95）",
        observationsHeading: "已报数据", month: "月份", metric: "指标", observed: "报告值",
        priorShare: "先验模拟 ≤ 报告值", priorRange: "先验 P5–P95", posteriorRange: "修正后 P5–P95",
        replicateRange: "复现报告值 P5–P95", fit: "拟合", fitOK: "正常", fitOutside: "超出 P0.5–P99.5",
        posteriorHeading: "已报数据对各项假设的约束（仅列数据能约束的参数，变动最大者在前）", parameter: "参数",
        priorMedian: "先验中位数（P5–P95）", posteriorMedian: "修正后中位数（P5–P95）",
        shift: "中位数移动（以先验宽度计）", width: "P5–P95 宽度", withinNoise: "在蒙特卡洛误差之内",
        diagnosticsHeading: "抽样诊断", chain: "种群", step: "步", temperature: "温度", ess: "有效样本量",
        parameterAcceptance: "参数移动接受率", noiseAcceptance: "随机项移动接受率", moves: "扫描次数",
        distinct: "不同粒子", families: "有效家族数",
        warningsHeading: "警告", unreliable: "不可靠",
        howToReadConditioned: """
            本报告以上方列出的已公布数据为条件：每次模拟都是抽样器的一个粒子，即在最后一个公布月份之前，其假设与随机波动均与这些数据相符\
            （在所述报告误差之内），此后再以自身的随机波动继续模拟。下文的全部概率、区间带和直方图都基于这些模拟；其区间由相互独立的粒子群\
            实测得出。先验（即未使用公布数据的方案期视角）在单独一节中与之对比。
            """,
        measuredErrorFormat: { "蒙特卡洛误差：达成概率最多 ± \($0) 个百分点，为实测值：取按有效家族数计算的 Wilson 区间与抽样各独立种群间差异两者中较宽者（见“已报数据”下的样本质量说明）。" },
        scenarioSection: "情景文件的 observed: 部分",
        figuresFormat: { "依据 \($0)（\($1) 项已报数据）修正" },
        noFigures: "无：规划时点的预测",
        ignoredFormat: { "已忽略 \($0) 项已报数据（--prior）：规划时点的预测" },
        sampleFormat: { "\($0) 个独立种群，每个 \($1) 个粒子：不同粒子 \($2) 个，有效家族 \($3) 个（按相同参数向量的副本数计 n²/Σ副本²）" },
        lowAcceptanceFormat: { "警告：最后一步的移动接受率仅为 \($0)：粒子几乎不动，修正结果不可靠" },
        fewFamiliesFormat: { "警告：\($1) 个粒子中只剩 \($0) 个有效家族：修正结果依赖极少的不同抽样，不可靠" },
        disagreeFormat: { "警告：各独立种群对 \($0) 的结果差异超出误差：抽样未收敛到同一答案，相应结论不可靠" },
        sweepCapFormat: { "提示：有 \($0) 个温度步在扫描次数达到上限（\(Conditioning.maximumSweeps)）时，粒子移动距离仍未达到其自身离散程度；各独立种群间的差异已计入每个区间，是更关键的检验" },
        misfitFormat: { "警告：修正后的模型无法复现 \($2) 的 \($0) = \($1)：复现报告值的 P0.5–P99.5 为 \($3)；情景与已报数据不一致" },
        narrowsFormat: { "收窄 \($0)" }, widensFormat: { "放宽 \($0)" },
        legendPrior: "先验 P5–P95", legendObserved: "报告值",
        spentFormat: { "修正阶段模型模拟 \($0) 次（至最后一个报告月份）+ 全程模拟 \($1) 次；共 \($2) 个模型月" },
        notConvergedFormat: { "抽样在温度 \($0)、第 \($1) 步时停止，未达到完整似然（1）：以下修正结果只部分反映已报数据" },
        surpriseFormat: { "警告：情景无法解释 \($2) 的 \($0) = \($1)：先验模拟中只有 \($3) 不高于该值；请放宽 \($4)" },
        reading:
            "修正后达成概率是在情景假设和已报数据（各按其报告误差）下每项目标的达成概率。其区间是实测的蒙特卡洛误差：取按有效家族数计算的 Wilson 区间与各独立种群间差异两者中较宽者。抽样不足以支撑结论时，结论显示为“不可靠”（见警告）。复现报告值是修正后模型在新的随机性和报告误差下会报告的数值：超出其 P0.5–P99.5 的报告值是情景无法复现的。修正并不证明假设正确。"
    )
}

extension Labels {
    /// The words of `pilotsim condition` in this table's language.
    public var condition: ConditionLabels { language == .chinese ? .chinese : .english }
}
