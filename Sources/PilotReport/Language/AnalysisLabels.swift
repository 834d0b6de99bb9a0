import PilotModel
import Simulator

/// The words of the sensitivity reports (`sweep`, `tornado`, `sobol`) for one language; part of
/// `Labels`, so that every report's words come from the same table.
public struct AnalysisLabels: Sendable {
    public let sweepTitle: String, tornadoTitle: String, sobolTitle: String
    public let point: String, pinnedAt: String, samples: String, design: String
    public let parameter: String, atLow: String, atHigh: String, swing: String
    public let input: String, firstOrder: String, total: String
    public let sweepTableHeading: String, noVariation: String
    public let sobolDesign: String, pseudoRandomDesign: String
    /// The report's sections: headings, and what their charts show.
    public let sobolHeading: String, sobolChartReading: String, sweepHeading: String, sweepChartReading: String
    /// The process noise as a Sobol input.
    public let processNoise: String
    /// The Sobol input that picks a conditioned particle.
    public let reportedFigures: String
    /// `2,000 a point, 400 points`.
    let sweepRunsFormat: @Sendable (String, Int) -> String
    /// `2,000 a simulation, 113 simulations`.
    let tornadoRunsFormat: @Sendable (String, Int) -> String
    /// `P10 and P90 of each of 56 uncertain parameters`.
    let pinnedFormat: @Sendable (String, String, Int) -> String
    /// `Wallets … (wallets-2023): P(met) 98.2% with nothing pinned`.
    let tornadoTargetFormat: @Sendable (String, String, String) -> String
    /// `1,000 rows, 57 inputs (56 parameters + noise), 59,000 runs`.
    let samplesFormat: @Sendable (String, Int, Int, String) -> String
    let sweepErrorFormat: @Sendable (String) -> String
    public let tornadoError: String
    let sobolErrorFormat: @Sendable (String) -> String
    /// The parameters a conditioned tornado leaves uncertain because the reported figures inform them.
    let fixedByFiguresFormat: @Sendable (String) -> String

    public func sweepRuns(_ runs: String, points: Int) -> String { sweepRunsFormat(runs, points) }
    public func tornadoRuns(_ runs: String, simulations: Int) -> String { tornadoRunsFormat(runs, simulations) }
    public func pinned(low: String, high: String, parameters: Int) -> String { pinnedFormat(low, high, parameters) }
    public func tornadoTarget(_ label: String, id: String, probability: String) -> String { tornadoTargetFormat(label, id, probability) }
    /// - Parameter parameters: the inputs that are single parameters (the others are the noise,
    ///   and a conditioned particle when conditioned).
    public func samples(rows: String, inputs: Int, parameters: Int, runs: String) -> String { samplesFormat(rows, inputs, parameters, runs) }
    public func sweepError(halfWidthPoints: String) -> String { sweepErrorFormat(halfWidthPoints) }
    public func sobolError(rows: String) -> String { sobolErrorFormat(rows) }
    public func fixedByFigures(_ parameters: String) -> String { fixedByFiguresFormat(parameters) }

    /// A Sobol input as a report names it: a parameter by its key path (what a user types in a
    /// scenario), the noise in words.
    public func inputName(_ input: GlobalSensitivity.Input, of scenario: Scenario) -> String {
        switch input {
        case .parameter(let i): return scenario.parameters[i].keyPath
        case .processNoise: return processNoise
        case .reportedFigures: return reportedFigures
        }
    }

    public static let english = AnalysisLabels(
        sweepTitle: "pilotsim sweep", tornadoTitle: "pilotsim tornado", sobolTitle: "pilotsim sobol",
        point: "point", pinnedAt: "pinned at", samples: "samples", design: "design",
        parameter: "parameter", atLow: "at low", atHigh: "at high", swing: "swing",
        input: "input", firstOrder: "first-order S1 (95%)", total: "total ST (95%)",
        sweepTableHeading: "P(met) in % (95% interval) at each point", noVariation: "the value does not vary across runs; no indices",
        sobolDesign: "Saltelli A/B matrices from GSL's Sobol sequence, digitally shifted by the seed",
        pseudoRandomDesign: "Saltelli A/B matrices from pseudo-random draws (more inputs than GSL's 40-dimensional Sobol sequence allows)",
        sobolHeading: "Global sensitivity (Sobol indices)",
        sobolChartReading:
            "For each target, the inputs with the largest total index: S1 (light) and ST (dark), whiskers their 95% intervals; inputs whose ST stays below 0.01 are not drawn (sobol --out has every input).",
        sweepHeading: "P(met) across a sweep",
        sweepChartReading:
            "Each target's P(met) at every point of the sweep, the shaded band its 95% interval. Every point uses the same seed and run indices, so the change from point to point carries far less noise than the bands.",
        processNoise: "noise (run index)",
        reportedFigures: "what the reported figures fix (a conditioned particle)",
        sweepRunsFormat: { "\($0) a point, \($1) points" },
        tornadoRunsFormat: { "\($0) a simulation, \($1) simulations" },
        pinnedFormat: { "P\($0) and P\($1) of each of \($2) uncertain parameters" },
        tornadoTargetFormat: { "\($0) (\($1)): P(met) \($2) with nothing pinned" },
        samplesFormat: { "\($0) rows, \($1) inputs (\($2) parameters\($1 - $2 > 1 ? " + the reported figures' particle" : "") + noise), \($3) runs" },
        sweepErrorFormat: {
            "Monte Carlo error: each P(met) ± \($0) points at most (95% Wilson half-width). All points share seed and run indices, so differences between points carry much less noise than that."
        },
        tornadoError:
            "Monte Carlo error: swings are differences of P(met) in points, ± a 95% interval from the paired runs (the same run indices with the parameter low and high).",
        sobolErrorFormat: {
            "Monte Carlo error: intervals are bootstrap 95% percentiles over the \($0) rows (500 resamples); more --samples narrow them by about 1/√N. S1 is the share of the value's variance an input explains alone, ST the share it takes part in; the noise row is what no assumption can remove."
        },
        fixedByFiguresFormat: {
            "Not pinned, because the reported figures inform them (a value for them would contradict the figures; their conditioned spread is in every run): \($0)."
        })

    public static let chinese = AnalysisLabels(
        sweepTitle: "pilotsim 参数扫描", tornadoTitle: "pilotsim 龙卷风分析", sobolTitle: "pilotsim Sobol 全局敏感性分析",
        point: "取值点", pinnedAt: "固定于", samples: "样本", design: "抽样设计",
        parameter: "参数", atLow: "低值", atHigh: "高值", swing: "变动",
        input: "输入", firstOrder: "一阶指数 S1（95%）", total: "总效应指数 ST（95%）",
        sweepTableHeading: "各取值点的达成概率 %（95% 区间）", noVariation: "该值在各次模拟中没有变化，无法计算指数",
        sobolDesign: "Saltelli A/B 矩阵，取自 GSL 的 Sobol 序列（按种子做数位平移）",
        pseudoRandomDesign: "Saltelli A/B 矩阵，取自伪随机数（输入数超过 GSL Sobol 序列的 40 维上限）",
        sobolHeading: "全局敏感性（Sobol 指数）",
        sobolChartReading: "每个目标中总效应指数最大的输入：S1（浅色）与 ST（深色），须线为其 95% 区间；ST 不可能达到 0.01 的输入不画出（sobol --out 给出全部输入）。",
        sweepHeading: "参数扫描下的达成概率",
        sweepChartReading: "每个目标在各取值点的达成概率，阴影为 95% 区间。各取值点使用相同的种子和模拟序号，点与点之间变化的噪声远小于阴影宽度。",
        processNoise: "随机波动（模拟序号）",
        reportedFigures: "已报数据所约束的部分（一个修正后的粒子）",
        sweepRunsFormat: { "每个取值点 \($0) 次，共 \($1) 个取值点" },
        tornadoRunsFormat: { "每组 \($0) 次，共 \($1) 组模拟" },
        pinnedFormat: { "\($2) 个不确定参数逐一固定于 P\($0) 和 P\($1)" },
        tornadoTargetFormat: { "\($0)（\($1)）：参数均不固定时达成概率 \($2)" },
        samplesFormat: { "\($0) 行，\($1) 个输入（\($2) 个参数\($1 - $2 > 1 ? " + 已报数据约束的粒子" : "") + 随机波动），共 \($3) 次模拟" },
        sweepErrorFormat: { "蒙特卡洛误差：每个达成概率最多 ± \($0) 个百分点（95% Wilson 区间半宽）。各取值点使用相同的种子和模拟序号，点与点之间的差异噪声远小于此。" },
        tornadoError: "蒙特卡洛误差：变动为达成概率之差（百分点），± 值为配对模拟（相同模拟序号，参数取低值和高值）给出的 95% 区间。",
        sobolErrorFormat: { "蒙特卡洛误差：区间为对 \($0) 行做 500 次自助抽样得到的 95% 百分位区间；增加 --samples 可按约 1/√N 缩小。S1 是某输入单独解释的方差份额，ST 是它参与解释的份额；随机波动一行是任何假设都无法消除的部分。" },
        fixedByFiguresFormat: { "以下参数受已报数据约束，未做固定（固定其取值将与已报数据矛盾；其修正后的分布已体现在每次模拟中）：\($0)。" })
}
