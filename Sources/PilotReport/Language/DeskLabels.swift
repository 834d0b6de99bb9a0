/// The words of the what-if desk (`pilotsim serve`) for one language.
public struct DeskLabels: Sendable {
    public let title: String, intro: String
    public let scenarioHeading: String, scenarioField: String, apply: String
    public let campaignsHeading: String, winners: String, month: String, voucherValue: String
    /// A round's check box that removes it, and the section that adds one: its heading, what
    /// the added round takes from the last, and the name it is given in the scenario (the
    /// English one: a round's name is one text, and the Chinese desk names rounds by number).
    public let removeRound: String, addRoundHeading: String, addRoundHelp: String, addedRoundName: String
    /// An added round's month or winners that it cannot take (the value sent), or a scenario
    /// with no round to copy the other assumptions from.
    let badRoundMonthFormat: @Sendable (String) -> String, badRoundWinnersFormat: @Sendable (String) -> String,
        badRoundValueFormat: @Sendable (String) -> String
    public let noRoundToCopy: String
    /// The form that asks what a lever must be for a chance of a target (`solve`), its fields,
    /// and the way back from its answer.
    public let solveHeading: String, solveHelp: String, solveTargetField: String, solveLeverField: String, solveProbabilityField: String,
        solveLowField: String, solveHighField: String, solveButton: String, backToDesk: String
    /// An answer being refined in the background with more runs (grouped), and the link that
    /// keeps the answer shown.
    let refiningFormat: @Sendable (String) -> String
    public let keepAnswer: String
    /// A refinement that waited in vain: the answer shown is the one with fewer runs.
    public let refinementPostponed: String
    public func refining(runs: Int) -> String { refiningFormat(NumberStyle.grouped(Double(runs))) }
    /// A probability the solve form cannot take (the value sent).
    let badProbabilityFormat: @Sendable (String) -> String
    public func badProbability(_ sent: String) -> String { badProbabilityFormat(sent) }
    /// A lever, target or range the solve form cannot take (what was sent).
    let badLeverFormat: @Sendable (String) -> String, badTargetFormat: @Sendable (String) -> String
    public let rangeNeeded: String, badRange: String
    public func badLever(_ sent: String) -> String { badLeverFormat(sent) }
    public func badTarget(_ sent: String) -> String { badTargetFormat(sent) }
    public let outreachHeading: String, publicFlowsHeading: String
    /// The field that sets any assumption chosen by its label.
    public let parameterHeading: String, parameterField: String, parameterValueField: String
    public let settingsHeading: String, settingsHelp: String
    public let figuresHeading: String, figuresHelp: String
    /// A line of reported figures as the box takes it, shown as code after the help.
    public var figuresExample: String { "2023-08,wallets,166200,0.02" }
    public let runsField: String, seedField: String, priorField: String
    public let uploadHeading: String, uploadFile: String, uploadField: String, upload: String
    public let downloadsHeading: String, downloadCSV: String, downloadWorkbook: String, downloadReport: String, downloadFigures: String,
        downloadScenario: String,
        permalink: String
    public let otherLanguage: String
    public let unchanged: String, changed: String, noChange: String
    public let errorsHeading: String, busy: String
    public let missingToken: String, wrongToken: String, forbiddenForm: String, tooLarge: String, notFound: String
    /// An upload whose body is not a form as it says (a file that is not UTF-8 text, a broken body).
    public let unreadableUpload: String
    /// Said before the command line that gives the page's numbers.
    public let reproduce: String
    /// A page's runs or seed that it cannot take: the value sent, and the largest runs.
    let badRunsFormat: @Sendable (String, String) -> String
    let badSeedFormat: @Sendable (String) -> String
    /// A query with more fields, or a longer one, than a page sends.
    public let tooMuchAsked: String
    /// A change that acts on months the reported figures fix: what it changes, the last month.
    let refusedFormat: @Sendable (String, String) -> String

    public func badRuns(_ sent: String, maximum: Int) -> String { badRunsFormat(sent, NumberStyle.grouped(Double(maximum))) }
    public func badSeed(_ sent: String) -> String { badSeedFormat(sent) }
    /// Runs that cannot be a conditioning's particles: the runs, the fewest and the most.
    let badParticlesFormat: @Sendable (String, String, String) -> String
    public func badParticles(_ runs: Int, range: ClosedRange<Int>) -> String {
        badParticlesFormat(NumberStyle.grouped(Double(runs)), NumberStyle.grouped(Double(range.lowerBound)), NumberStyle.grouped(Double(range.upperBound)))
    }
    public func badRoundMonth(_ sent: String) -> String { badRoundMonthFormat(sent) }
    public func badRoundWinners(_ sent: String) -> String { badRoundWinnersFormat(sent) }
    public func badRoundValue(_ sent: String) -> String { badRoundValueFormat(sent) }
    public func refused(_ what: [String], through month: String) -> String { refusedFormat(what.joined(separator: ", "), month) }

    /// A lever whose value is a distribution: left empty, it keeps `distribution`.
    let keepFormat: @Sendable (String) -> String
    /// A voucher round, from its number (1, 2, …), month and name in the scenario (which may be
    /// in either language, so the Chinese table names the round by number and month only).
    let roundFormat: @Sendable (Int, String, String) -> String

    /// The name of voucher round `number` (from 1), held in `month`, called `name` in the scenario.
    public func round(_ number: Int, month: String, name: String) -> String { roundFormat(number, month, name) }

    /// Placeholder of an empty lever: what it keeps.
    public func keep(_ distribution: String) -> String { keepFormat(distribution) }

    public static let english = DeskLabels(
        title: "pilotsim what-if desk",
        intro:
            "Change a lever and see each target's chance, and what the change does to it compared with the plan as it stands: both are simulated with the same seed and runs, so the difference is the change's effect, with its 95% interval.",
        scenarioHeading: "Scenario", scenarioField: "Scenario", apply: "Show the effect",
        campaignsHeading: "Voucher rounds", winners: "Winners", month: "Month (YYYY-MM)", voucherValue: "Voucher value (yuan)",
        removeRound: "Remove this round (no winners)", addRoundHeading: "Add a voucher round",
        addRoundHelp: "Give its month and winners (and its voucher value, or keep the last round's); the rest is assumed as for the last round.",
        addedRoundName: "Added round",
        badRoundMonthFormat: { "Added round: '\($0)' is not a month; expected YYYY-MM, e.g. 2024-05." },
        badRoundWinnersFormat: { "Added round: '\($0)' is not a number of winners; expected a whole number ≥ 0." },
        badRoundValueFormat: { "Added round: '\($0)' is not a voucher value; expected a number of yuan above 0." },
        noRoundToCopy: "Added round: this scenario has no voucher round to take the other assumptions from; add the round under Any other assumption.",
        solveHeading: "What must a lever be?",
        solveHelp:
            "The value of one lever at which a target's chance reaches a probability, with the plan as changed above; every value is tried with the same seed and runs. A count (winners) needs a range.",
        solveTargetField: "Target", solveLeverField: "Lever", solveProbabilityField: "Chance wanted (0 to 1, e.g. 0.9)", solveLowField: "From",
        solveHighField: "To", solveButton: "Find the value", backToDesk: "Back to the desk",
        refiningFormat: { "Refining with \($0) runs in the background: this page is replaced by their answer when they are done." },
        keepAnswer: "Keep this answer",
        refinementPostponed:
            "Not refined: the desk is busy with other people's first answers, which go before refinements. This is the answer with fewer runs.",
        badProbabilityFormat: { "Chance wanted: '\($0)' is not a probability; expected a number between 0 and 1, e.g. 0.9." },
        badLeverFormat: { "Lever: '\($0)' is not a number of this scenario." }, badTargetFormat: { "Target: '\($0)' is not a target of this scenario." },
        rangeNeeded: "Lever: a count has no natural range; give From and To.", badRange: "From and To: expected two numbers, From below To.",
        outreachHeading: "Bank outreach to merchants, by stage (monthly rate)", publicFlowsHeading: "Public-channel flows, by stage (yuan a month)",
        parameterHeading: "An assumption, by name", parameterField: "Assumption",
        parameterValueField: "Its value: a number, or percentiles such as {quantiles: {p05: 0.01, p95: 0.05}}",
        settingsHeading: "Any other assumption",
        settingsHelp:
            "One per line, as KEY.PATH=VALUE: a number, or a distribution such as {pert: {min: 0.01, mode: 0.02, max: 0.05}} or {quantiles: {p05: 0.01, p95: 0.05}}.",
        figuresHeading: "Reported figures",
        figuresHelp:
            "One per line: month,metric,value[,rel_error], e.g. 2023-08,wallets,166200,0.02 (the relative error defaults to 0.05). The forecast is conditioned on them unless the plan-time view is ticked.",
        runsField: "Runs (at most 100,000)", seedField: "Seed", priorField: "Plan-time view (ignore reported figures)",
        uploadHeading: "Your own scenario", uploadFile: "A scenario file (YAML)", uploadField: "Or paste its text", upload: "Upload and check",
        downloadsHeading: "Download", downloadCSV: "Comparison (CSV)", downloadWorkbook: "Comparison (Excel)", downloadReport: "This page as a report (HTML)",
        downloadFigures: "The reported figures (figures.csv)", downloadScenario: "The changed scenario (YAML, for the command line)",
        permalink: "Link to this answer",
        otherLanguage: "中文",
        unchanged: "the plan as it stands", changed: "with your changes", noChange: "No lever changed: this is the plan as it stands.",
        errorsHeading: "What the changes cannot be",
        busy: "The desk is busy with other people's simulations. Try again in a moment.",
        missingToken: "This desk needs its access link: open the URL that pilotsim serve printed when it started.",
        wrongToken: "This access link is not this desk's. Open the URL that pilotsim serve printed when it started.",
        forbiddenForm: "This form was not sent from this desk's page. Reload the page and send it again.",
        tooLarge: "The upload is larger than a scenario may be (4 MiB).", notFound: "No such page on this desk.",
        unreadableUpload: "The upload could not be read as this page's form: send a scenario as a YAML text file (UTF-8).",
        reproduce: "The same numbers from the command line:",
        badRunsFormat: { "Runs: '\($0)' is not a run count; expected a whole number from 1 to \($1)." },
        badSeedFormat: { "Seed: '\($0)' is not a seed; expected a whole number from 0 to \(UInt64.max)." },
        tooMuchAsked: "The address asks more than a page of the desk sends (at most 400 fields of 64 KiB).",
        refusedFormat: {
            "\($0.isEmpty ? "The change" : $0) acts on the months the reported figures fix (through \($1)); tick the plan-time view to see its effect without them."
        },
        badParticlesFormat: {
            "Runs: with reported figures the runs are the sampler's particles, from \($1) to \($2) (got \($0)); tick the plan-time view for fewer."
        },
        keepFormat: { "keep \($0)" },
        roundFormat: { _, _, name in name })

    public static let chinese = DeskLabels(
        title: "pilotsim 情景推演台", intro: "调整一项举措，即可看到各项目标的达成概率，以及与现行方案相比的变化：两者使用相同的随机种子与模拟次数，差值即为调整的效果，并给出95%区间。",
        scenarioHeading: "情景", scenarioField: "情景", apply: "查看效果",
        campaignsHeading: "消费券活动", winners: "中签人数", month: "月份（YYYY-MM）", voucherValue: "券面额（元）",
        removeRound: "取消本轮（无中签者）", addRoundHeading: "新增一轮消费券",
        addRoundHelp: "填写月份和中签人数（以及券面额，不填则沿用最后一轮）；其余假设与最后一轮相同。",
        addedRoundName: "新增一轮",
        badRoundMonthFormat: { "新增一轮：“\($0)”不是有效月份，应为 YYYY-MM，如 2024-05。" },
        badRoundWinnersFormat: { "新增一轮：“\($0)”不是有效的中签人数，应为不小于0的整数。" },
        badRoundValueFormat: { "新增一轮：“\($0)”不是有效的券面额，应为大于0的元数。" },
        noRoundToCopy: "新增一轮：本情景没有可沿用其余假设的消费券活动；请在“其他假设”中添加。",
        solveHeading: "举措需要达到多少？",
        solveHelp: "在上方调整后的方案下，求某项举措取何值时目标达成概率达到给定概率；每个取值使用相同的种子与模拟次数。人数类举措（中签人数）需给出取值范围。",
        solveTargetField: "目标", solveLeverField: "举措", solveProbabilityField: "期望概率（0至1，如0.9）", solveLowField: "最小值",
        solveHighField: "最大值", solveButton: "求取值", backToDesk: "返回推演台",
        refiningFormat: { "正在后台以\($0)次模拟细化结果：完成后本页将由细化后的结果替换。" }, keepAnswer: "保留当前结果",
        refinementPostponed: "未细化：推演台正忙于其他人的首次结果，这些结果优先于细化。以下为模拟次数较少的结果。",
        badProbabilityFormat: { "期望概率：“\($0)”不是有效概率，应为0至1之间的数，如0.9。" },
        badLeverFormat: { "举措：“\($0)”不是本情景中的数值。" }, badTargetFormat: { "目标：“\($0)”不是本情景中的目标。" },
        rangeNeeded: "举措：人数类举措没有自然的取值范围，请填写最小值和最大值。", badRange: "最小值与最大值：应为两个数，且最小值小于最大值。",
        outreachHeading: "银行拓展商户，分阶段（月拓展率）", publicFlowsHeading: "公共渠道资金流，分阶段（元/月）",
        parameterHeading: "按名称选择假设", parameterField: "假设",
        parameterValueField: "取值：数字，或分位数，如 {quantiles: {p05: 0.01, p95: 0.05}}",
        settingsHeading: "其他假设",
        settingsHelp: "每行一项，格式为 键路径=值：可以是数字，也可以是分布，如 {pert: {min: 0.01, mode: 0.02, max: 0.05}} 或 {quantiles: {p05: 0.01, p95: 0.05}}。",
        figuresHeading: "已公布数据",
        figuresHelp: "每行一项：月份,指标,数值[,相对误差]（相对误差默认为0.05）。除非勾选规划时视角，预测将依据这些数据修正。例如：",
        runsField: "模拟次数（不超过100,000）", seedField: "随机种子", priorField: "规划时视角（不使用已公布数据）",
        uploadHeading: "自定义情景", uploadFile: "情景文件（YAML）", uploadField: "或粘贴其内容", upload: "上传并检查",
        downloadsHeading: "下载", downloadCSV: "方案比较（CSV）", downloadWorkbook: "方案比较（Excel）", downloadReport: "本页报告（HTML）", downloadFigures: "已公布数据（figures.csv）",
        downloadScenario: "调整后的情景（YAML，可用于命令行）",
        permalink: "本结果的链接",
        otherLanguage: "English",
        unchanged: "现行方案", changed: "调整后", noChange: "未调整任何举措：以下为现行方案。",
        errorsHeading: "调整无法成立之处",
        busy: "推演台正在处理其他人的模拟，请稍后再试。",
        missingToken: "本推演台需要访问链接：请打开 pilotsim serve 启动时显示的网址。",
        wrongToken: "该访问链接不属于本推演台。请打开 pilotsim serve 启动时显示的网址。",
        forbiddenForm: "该表单并非从本推演台页面提交。请刷新页面后重新提交。",
        tooLarge: "上传文件超过情景文件的上限（4 MiB）。", notFound: "本推演台没有该页面。",
        unreadableUpload: "无法按本页表单读取上传内容：请以 YAML 文本文件（UTF-8 编码）上传情景。",
        reproduce: "命令行可得到相同结果：",
        badRunsFormat: { "模拟次数：“\($0)”不是有效的次数，应为1至\($1)之间的整数。" },
        badSeedFormat: { "随机种子：“\($0)”无效，应为0至\(UInt64.max)之间的整数。" },
        tooMuchAsked: "该网址的请求内容超过推演台页面所能发送的范围（最多400项，每项64 KiB）。",
        refusedFormat: { "\($0.isEmpty ? "该调整" : $0)作用于已公布数据所涵盖的月份（截至\($1)）；请勾选规划时视角查看其不依据已公布数据的效果。" },
        badParticlesFormat: { "模拟次数：使用已公布数据时，模拟次数即抽样粒子数，应为\($1)至\($2)（当前为\($0)）；如需更少，请勾选规划时视角。" },
        keepFormat: { "保持 \($0)" },
        roundFormat: { number, month, _ in "第\(number)轮消费券（\(month)）" })
}

extension Labels {
    /// The words of the what-if desk.
    public var desk: DeskLabels { language == .chinese ? .chinese : .english }
}
