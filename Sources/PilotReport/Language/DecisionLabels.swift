/// The words of the decision commands — `compare`, `solve`, `explain` — for one language.
public struct DecisionLabels: Sendable {
    // compare
    public let compareTitle: String, scenarioA: String, scenarioB: String
    public let pA: String, pB: String, difference: String, onlyA: String, onlyB: String, medianDifference: String
    public let onlyInA: String, onlyInB: String, compareReading: String
    // solve
    public let solveTitle: String, solveTarget: String, solveVary: String, solved: String, solvedInterval: String
    /// The varied number's range: its path, its lower and its upper end.
    let solveRangeFormat: @Sendable (String, String, String) -> String
    public let runsSpent: String, solveReading: String
    let unreachableFormat: @Sendable (String, String, String, String, String) -> String
    let nonMonotoneFormat: @Sendable (String, String, String, String) -> String
    /// P(met) reaches the probability over the whole range (at LOW on a rising curve, at HIGH on a falling one).
    let alreadyMetFormat: @Sendable (String, String, Bool) -> String
    // explain
    public let explainTitle: String, input: String, ksDistance: String, pValue: String
    public let medianMet: String, medianMissed: String, threshold: String, metRuns: String, explainReading: String
    let groupsFormat: @Sendable (String, String) -> String
    /// The q-value's column, and the line naming how many inputs cannot affect a target.
    public let qValue: String
    let cannotAffectFormat: @Sendable (Int) -> String
    /// Said under the explanation's charts when no input of a target is decisive.
    public let noneDecisive: String
    /// Section headings of the HTML report.
    public let compareHeading: String, explainHeading: String
    // percentiles
    let fittedFormat: @Sendable (String, String, String) -> String

    /// `lognormal(…) fitted to p05 0.02, p95 0.06 (largest miss 0.00% of their range)`.
    public func fitted(_ distribution: String, to given: String, miss: String) -> String { fittedFormat(distribution, given, miss) }

    /// `not reachable within [LOW, HIGH]: P(met) is A at LOW and B at HIGH`.
    public func unreachable(low: String, high: String, pLow: String, pHigh: String, goal: String) -> String {
        unreachableFormat(low, high, pLow, pHigh, goal)
    }
    /// `already reached at LOW: P(met) 99.9% there; the value that just reaches it lies below the range`.
    public func alreadyMet(bound: String, p: String, low: Bool) -> String { alreadyMetFormat(bound, p, low) }
    /// P(met) does not move one way over the range.
    public func nonMonotone(at: String, p: String, before: String, pBefore: String) -> String { nonMonotoneFormat(at, p, before, pBefore) }
    /// `8,123 runs met it, 1,877 missed`.
    public func groups(met: String, missed: String) -> String { groupsFormat(met, missed) }

    public static let english = DecisionLabels(
        compareTitle: "pilotsim compare", scenarioA: "A", scenarioB: "B",
        pA: "P(met) A", pB: "P(met) B", difference: "B − A (95%)", onlyA: "only A meets", onlyB: "only B meets",
        medianDifference: "median B − A of the value (95%)",
        onlyInA: "targets only in A", onlyInB: "targets only in B",
        compareReading:
            "Both scenarios are simulated with the same seed and run indices, so the assumptions they share draw the same values in every run: the difference is the effect of the change, and its interval is for paired runs (Newcombe's method 10).",
        solveTitle: "pilotsim solve", solveTarget: "target", solveVary: "varying", solved: "value for the probability", solvedInterval: "95% interval",
        solveRangeFormat: { "\($0) from \($1) to \($2)" },
        runsSpent: "runs spent",
        solveReading:
            "Every value is simulated with the same seed and run indices, so P(met) is a step function of the value; the value is where it first reaches the probability, and the interval is the range of values whose P(met) cannot be told from the probability at the Monte Carlo error of the bracket.",
        unreachableFormat: { "not reachable within [\($0), \($1)]: P(met) is \($2) at \($0) and \($3) at \($1); it must reach \($4)" },
        nonMonotoneFormat: {
            "P(met) is not monotone over the range: \($1) at \($0) but \($3) at \($2), beyond the Monte Carlo error; no single crossing to report"
        },
        alreadyMetFormat: {
            "already reached at \($2 ? "the low end" : "the high end") \($0): P(met) is \($1) there; the value that just reaches the probability lies \($2 ? "below" : "above") the range, widen it to find it"
        },
        explainTitle: "pilotsim explain", input: "input", ksDistance: "KS distance", pValue: "p-value",
        medianMet: "median, met", medianMissed: "median, missed", threshold: "best split", metRuns: "runs",
        explainReading: """
            Monte Carlo filtering: the runs that met the target against those that missed it. The KS distance is the largest \
            gap between the input's distributions in the two groups (0: the same, 1: no overlap); chance alone makes some gap. \
            The q-value is the p-value of that gap adjusted for the number of inputs compared (Benjamini–Hochberg): an input is \
            decisive (*) when q < 0.05, that is when at most 5% of the inputs so marked would be chance. Inputs that cannot \
            change the target at all (a later stage's value, another milestone's rate) are not ranked. The best split is the \
            value that separates the two groups best.
            """,
        groupsFormat: { "\($0) runs met it, \($1) missed" },
        qValue: "q-value", cannotAffectFormat: { "\($0) inputs cannot affect this target and are not ranked." },
        noneDecisive: "No input is decisive at q < 0.05 for this target: its outcome turns on chance or on many inputs at once.",
        compareHeading: "Compared with another plan", explainHeading: "What the runs that meet each target share",
        fittedFormat: { "\($0) fitted to \($1) (largest miss \($2) of their range)" })

    public static let chinese = DecisionLabels(
        compareTitle: "pilotsim 方案比较", scenarioA: "方案 A", scenarioB: "方案 B",
        pA: "A 达成概率", pB: "B 达成概率", difference: "B − A（95%）", onlyA: "仅 A 达成", onlyB: "仅 B 达成",
        medianDifference: "取值差 B − A 中位数（95%）",
        onlyInA: "仅 A 有的目标", onlyInB: "仅 B 有的目标",
        compareReading: "两个方案使用相同的种子和模拟序号，共同的假设在每次模拟中取相同的值：差值就是改变带来的效果，其区间按配对模拟计算（Newcombe 方法 10）。",
        solveTitle: "pilotsim 求解", solveTarget: "目标", solveVary: "调整", solved: "达到该概率所需的取值", solvedInterval: "95% 区间",
        solveRangeFormat: { "\($0)，取值 \($1) 至 \($2)" },
        runsSpent: "模拟次数",
        solveReading: "每个取值都使用相同的种子和模拟序号，达成概率是取值的阶梯函数；所求取值是达成概率首次达到给定概率之处，区间为在括号端点的蒙特卡洛误差下与该概率无法区分的取值范围。",
        unreachableFormat: { "在 [\($0), \($1)] 内无法达到：\($0) 处达成概率为 \($2)，\($1) 处为 \($3)；需要达到 \($4)" },
        nonMonotoneFormat: { "达成概率在该范围内不单调：\($0) 处为 \($1)，而 \($2) 处为 \($3)，超出蒙特卡洛误差；无法给出唯一解" },
        alreadyMetFormat: { "在范围\($2 ? "下限" : "上限") \($0) 处已达到：该处达成概率为 \($1)；恰好达到该概率的取值在范围\($2 ? "以下" : "以上")，请放宽范围再求解" },
        explainTitle: "pilotsim 成因分析", input: "输入", ksDistance: "KS 距离", pValue: "p 值",
        medianMet: "达成组中位数", medianMissed: "未达成组中位数", threshold: "最佳分界值", metRuns: "模拟次数",
        explainReading: """
            蒙特卡洛过滤：比较达成目标与未达成目标的两组模拟。KS 距离是该输入在两组中分布的最大差距（0：相同，1：互不重叠）；仅随机波动也会产生一定差距。\
            q 值是按所比较输入个数校正后的 p 值（Benjamini–Hochberg 方法）：q < 0.05 时该输入为决定性输入（*），即被如此标记的输入中至多 5% 出于偶然。\
            完全不可能影响该目标的输入（较晚阶段的取值、其他里程碑的速率）不参与排序。最佳分界值是最能区分两组的取值。
            """,
        groupsFormat: { "\($0) 次达成，\($1) 次未达成" },
        qValue: "q 值", cannotAffectFormat: { "另有 \($0) 个输入不可能影响该目标，不参与排序。" },
        noneDecisive: "该目标没有 q < 0.05 的决定性输入：其结果取决于随机波动或多个输入的共同作用。",
        compareHeading: "与另一方案比较", explainHeading: "达成目标的模拟有何共同之处",
        fittedFormat: { "\($0)，按 \($1) 拟合（最大偏差为其区间的 \($2)）" })
}

extension DecisionLabels {
    func solveRange(_ path: String, _ low: String, _ high: String) -> String { solveRangeFormat(path, low, high) }
    func cannotAffect(_ count: Int) -> String { cannotAffectFormat(count) }
}

extension Labels {
    /// The words of `compare`, `solve` and `explain` in this table's language.
    public var decision: DecisionLabels { language == .chinese ? .chinese : .english }
}
