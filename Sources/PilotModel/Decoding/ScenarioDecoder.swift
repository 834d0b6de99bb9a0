/// Turns a scenario's YAML tree into a `Scenario`, reporting every problem (docs/model.md §7).
struct ScenarioDecoder {
    private let context = DecodingContext()

    func decode(_ root: YAMLNode) throws -> Scenario {
        let keys = [
            "name", "description", "calendar", "wallets", "merchants", "public_flows",
            "campaigns", "milestones", "correlations", "targets", "verdict", "observed",
        ]
        guard let top = MappingReader(root, path: "", context: context, keys: keys, what: "a scenario mapping") else {
            throw ScenarioValidationError(context.sortedDiagnostics(file: root.location.file))
        }
        let name = top.required("name", expected: "the scenario's name").flatMap { context.localizedText($0, "name") }
        let description = top.optional("description").flatMap { context.localizedText($0, "description") }
        let calendar = top.required("calendar", expected: "{start, end, stages}").flatMap(calendar)
        if let calendar { context.stageIDs = calendar.stages.map(\.id) }

        var personal: WalletSegment?, corporate: WalletSegment?
        if let node = top.required("wallets", expected: "{personal, corporate}"),
            let wallets = MappingReader(node, path: "wallets", context: context, keys: ["personal", "corporate"])
        {
            personal = wallets.required("personal", expected: "the personal wallet segment")
                .flatMap { walletSegment($0, "wallets.personal", personal: true) }
            corporate = wallets.required("corporate", expected: "the corporate wallet segment")
                .flatMap { walletSegment($0, "wallets.corporate", personal: false) }
        }
        let merchants = top.required("merchants", expected: "{potential, outreach, wallet_pull, churn}").flatMap(merchantPool)
        let publicFlows = top.optional("public_flows").map(self.publicFlows)
        let campaigns = top.optional("campaigns").map { self.campaigns($0, calendar) } ?? []
        let milestones = top.optional("milestones").map(self.milestones) ?? []
        let verdict = top.optional("verdict").map(self.verdict) ?? .standard
        let targets = top.optional("targets").map { self.targets($0, calendar, milestones.compactMap { $0 }) } ?? []
        let correlations = top.optional("correlations").map(self.correlations) ?? []
        let observed = top.optional("observed").map { self.observed($0, calendar, milestones.compactMap { $0 }) } ?? []

        guard context.diagnostics.isEmpty, let name, let calendar, let personal, let corporate, let merchants,
            let verdict
        else { throw ScenarioValidationError(context.sortedDiagnostics(file: root.location.file)) }
        return Scenario(
            name: name, description: description, calendar: calendar, parameters: context.parameters,
            numericPaths: context.numericPaths,
            personal: personal, corporate: corporate, merchants: merchants, publicFlows: publicFlows ?? nil,
            campaigns: campaigns.compactMap { $0 }, milestones: milestones.compactMap { $0 },
            correlations: correlations,
            targets: targets.compactMap { $0 }, verdict: verdict, observations: observed.compactMap { $0 })
    }

    // MARK: - Calendar

    /// `calendar:` — start, end and stages, each checked against the others (stages contiguous,
    /// inside the calendar, each month in one stage). Long because those checks read one another's
    /// results; every message names its key path.
    private func calendar(_ node: YAMLNode) -> ScenarioCalendar? {
        guard let reader = MappingReader(node, path: "calendar", context: context, keys: ["start", "end", "stages"]) else { return nil }
        let start = reader.required("start", expected: "the first month, YYYY-MM").flatMap { context.month($0, "calendar.start") }
        let end = reader.required("end", expected: "the last month, YYYY-MM").flatMap { context.month($0, "calendar.end") }
        guard let start, let end else { return nil }
        guard start <= end else {
            context.report(node, "calendar", "start \(start) is after end \(end); expected start ≤ end")
            return nil
        }
        guard let stagesNode = reader.optional("stages") else {
            return defaultStages(start, end, node).map { ScenarioCalendar(start: start, end: end, stages: $0) }
        }
        guard let items = context.list(stagesNode, "calendar.stages", of: "{id, from, to}") else { return nil }
        guard !items.isEmpty else {
            context.report(stagesNode, "calendar.stages", "the list is empty; expected at least one stage")
            return nil
        }
        var stages: [ScenarioCalendar.Stage] = []
        var ok = true
        for (i, item) in items.enumerated() {
            let path = "calendar.stages[\(i)]"
            guard let stage = MappingReader(item, path: path, context: context, keys: ["id", "from", "to"]) else {
                ok = false
                continue
            }
            let id = stage.required("id", expected: "the stage's id").flatMap { context.identifier($0, "\(path).id") }
            let from = stage.required("from", expected: "its first month, YYYY-MM").flatMap { context.month($0, "\(path).from") }
            let to = stage.required("to", expected: "its last month, YYYY-MM").flatMap { context.month($0, "\(path).to") }
            guard let id, let from, let to else {
                ok = false
                continue
            }
            if stages.contains(where: { $0.id == id }) {
                context.report(item, "\(path).id", "stage '\(id.excerpt)' is named twice; expected each id once")
                ok = false
            }
            if from > to {
                context.report(item, path, "from \(from) is after to \(to); expected from ≤ to")
                ok = false
            }
            let expectedFrom = stages.last.map { $0.to.advanced(by: 1) } ?? start
            let fromNode = stage.optional("from")!
            if from > expectedFrom {
                let missing = from.advanced(by: -1)
                let months = missing == expectedFrom ? "\(missing) is" : "\(expectedFrom)…\(missing) are"
                let after = stages.last.map { " after stage '\($0.id)'" } ?? " at the calendar's start"
                context.report(fromNode, "\(path).from", "\(months) in no stage (a gap\(after)); expected from: \(expectedFrom)")
                ok = false
            } else if from < expectedFrom {
                let what = stages.isEmpty ? "before calendar.start" : "also in stage '\(stages.last!.id)' (an overlap)"
                context.report(fromNode, "\(path).from", "\(from) is \(what); expected from: \(expectedFrom)")
                ok = false
            }
            stages.append(ScenarioCalendar.Stage(id: id, from: from, to: to))
        }
        if ok, let last = stages.last, last.to != end {
            context.report(
                items.last!, "\(path(items.count - 1)).to",
                "the last stage ends \(last.to) but the calendar ends \(end); expected the stages to end at calendar.end")
            ok = false
        }
        return ok ? ScenarioCalendar(start: start, end: end, stages: stages) : nil
    }

    private func path(_ stage: Int) -> String { "calendar.stages[\(stage)]" }

    /// The plan's four stages clipped to `start…end`; a calendar reaching past them needs its own.
    private func defaultStages(_ start: Month, _ end: Month, _ node: YAMLNode) -> [ScenarioCalendar.Stage]? {
        let plan = ScenarioCalendar.planStages
        guard start >= plan.first!.from, end <= plan.last!.to else {
            context.report(
                node, "calendar.stages", "missing, and the plan's stages cover only \(plan.first!.from)…\(plan.last!.to); expected stages for \(start)…\(end)")
            return nil
        }
        return plan.compactMap { stage in
            let from = max(stage.from, start), to = min(stage.to, end)
            return from <= to ? ScenarioCalendar.Stage(id: stage.id, from: from, to: to) : nil
        }
    }

    // MARK: - Wallets and merchants

    private func walletSegment(_ node: YAMLNode, _ path: String, personal: Bool) -> WalletSegment? {
        let keys =
            [
                "population", "initial", "innovation", "imitation", "merchant_pull", "active_share",
                "tx_per_active",
            ] + (personal ? ["nonmerchant_share"] : []) + ["ticket"]
        guard let reader = MappingReader(node, path: path, context: context, keys: keys) else { return nil }
        let (population, initial) = poolAndInitial(reader, pool: "population")
        let innovation = reader.required("innovation", expected: "a rate by stage").flatMap { context.stagedParameter($0, "\(path).innovation", .rate) }
        let imitation = reader.required("imitation", expected: "a rate").flatMap { context.parameter($0, "\(path).imitation", .rate) }
        let pull = reader.required("merchant_pull", expected: "a rate").flatMap { context.parameter($0, "\(path).merchant_pull", .rate) }
        let active = reader.required("active_share", expected: "a share by stage").flatMap { context.stagedParameter($0, "\(path).active_share", .share) }
        let perActive = reader.required("tx_per_active", expected: "a rate by stage").flatMap { context.stagedParameter($0, "\(path).tx_per_active", .rate) }
        let nonmerchant =
            personal
            ? reader.required("nonmerchant_share", expected: "a share").flatMap { context.parameter($0, "\(path).nonmerchant_share", .share) }
            : nil
        var ticketMean: ParameterID?, ticketCV: ParameterID?
        if let ticket = reader.required("ticket", expected: "{mean, cv}"),
            let t = MappingReader(ticket, path: "\(path).ticket", context: context, keys: ["mean", "cv"])
        {
            ticketMean = t.required("mean", expected: "a size in yuan").flatMap { context.parameter($0, "\(path).ticket.mean", .size) }
            ticketCV = t.required("cv", expected: "a rate").flatMap { context.parameter($0, "\(path).ticket.cv", .rate) }
        }
        guard let population, let initial, let innovation, let imitation, let pull, let active, let perActive,
            let ticketMean, let ticketCV, !personal || nonmerchant != nil
        else { return nil }
        return WalletSegment(
            population: population, initial: initial, innovation: innovation, imitation: imitation,
            merchantPull: pull, activeShare: active, transactionsPerActive: perActive,
            nonmerchantShare: nonmerchant, ticketMean: ticketMean, ticketCV: ticketCV)
    }

    private func merchantPool(_ node: YAMLNode) -> MerchantPool? {
        let path = "merchants"
        guard
            let reader = MappingReader(
                node, path: path, context: context,
                keys: ["potential", "initial", "outreach", "wallet_pull", "churn"])
        else { return nil }
        let (potential, initial) = poolAndInitial(reader, pool: "potential")
        let outreach = reader.required("outreach", expected: "a rate by stage").flatMap { context.stagedParameter($0, "\(path).outreach", .rate) }
        let pull = reader.required("wallet_pull", expected: "a rate").flatMap { context.parameter($0, "\(path).wallet_pull", .rate) }
        let churn = reader.required("churn", expected: "a share per month").flatMap { context.parameter($0, "\(path).churn", .share) }
        guard let potential, let initial, let outreach, let pull, let churn else { return nil }
        return MerchantPool(potential: potential, initial: initial, outreach: outreach, walletPull: pull, churn: churn)
    }

    /// A pool's size (`population`, `potential`) and its optional `initial` count (default 0),
    /// which may not exceed it; `nil` for either after reporting a problem.
    private func poolAndInitial(_ reader: MappingReader, pool: String) -> (pool: Int?, initial: Int?) {
        let path = reader.path
        let size = reader.required(pool, expected: "a whole number ≥ 0").flatMap { context.count($0, "\(path).\(pool)") }
        context.recordNumericPath("\(path).initial")
        let initialNode = reader.optional("initial")
        let initial = initialNode.map { context.count($0, "\(path).initial") } ?? 0
        if let size, let initial, let initialNode, initial > size {
            context.report(initialNode, "\(path).initial", "\(initial) exceeds the \(pool) \(size); expected initial ≤ \(pool)")
            return (size, nil)
        }
        return (size, initial)
    }

    // MARK: - Flows, campaigns, milestones

    /// `nil` inside the optional means "present but invalid".
    private func publicFlows(_ node: YAMLNode) -> PublicFlows? {
        let path = "public_flows"
        guard let reader = MappingReader(node, path: path, context: context, keys: ["amount", "cv", "count"]) else { return nil }
        let amount = reader.required("amount", expected: "yuan per month by stage").flatMap { context.stagedParameter($0, "\(path).amount", .size) }
        let cv = reader.required("cv", expected: "a rate").flatMap { context.parameter($0, "\(path).cv", .rate) }
        let count = reader.required("count", expected: "transactions per month by stage").flatMap { context.stagedParameter($0, "\(path).count", .rate) }
        guard let amount, let cv, let count else { return nil }
        return PublicFlows(amount: amount, cv: cv, count: count)
    }

    private func campaigns(_ node: YAMLNode, _ calendar: ScenarioCalendar?) -> [Campaign?] {
        guard let items = context.list(node, "campaigns", of: "campaigns") else { return [nil] }
        var firstUse: [String: Int] = [:]
        return items.enumerated().map { i, item in
            let path = "campaigns[\(i)]"
            guard
                let reader = MappingReader(
                    item, path: path, context: context,
                    keys: ["name", "month", "winners", "new_user_share", "voucher_value", "redemption", "leverage"])
            else { return nil }
            let name = reader.required("name", expected: "text").flatMap { context.text($0, "\(path).name") }
            let month = reader.required("month", expected: "a month, YYYY-MM").flatMap { context.month($0, "\(path).month") }
            if let month, let calendar, !calendar.contains(month) {
                context.report(reader.optional("month")!, "\(path).month", "\(month) is outside the calendar; expected \(calendar.start)…\(calendar.end)")
            }
            let winners = reader.required("winners", expected: "a whole number ≥ 0").flatMap { context.count($0, "\(path).winners") }
            let share = reader.required("new_user_share", expected: "a share").flatMap { context.parameter($0, "\(path).new_user_share", .share) }
            let value = reader.required("voucher_value", expected: "a size in yuan").flatMap { context.parameter($0, "\(path).voucher_value", .size) }
            let redemption = reader.required("redemption", expected: "a share").flatMap { context.parameter($0, "\(path).redemption", .share) }
            let leverage = reader.required("leverage", expected: "a rate").flatMap { context.parameter($0, "\(path).leverage", .rate) }
            if let name, let nameNode = reader.optional("name") {
                if let earlier = firstUse[name] {
                    context.report(
                        nameNode, "\(path).name",
                        "'\(name)' names campaigns[\(earlier)] too; expected a name of its own (a campaign's random draws are keyed by its name)")
                } else {
                    firstUse[name] = i
                }
                for (id, key) in [(share, "new_user_share"), (value, "voucher_value"), (redemption, "redemption"), (leverage, "leverage")] {
                    if let id { context.keyStream(of: id, by: "campaign:\(name).\(key)") }
                }
            }
            guard let name, let month, let winners, let share, let value, let redemption, let leverage else { return nil }
            return Campaign(
                name: name, month: month, winners: winners, newUserShare: share,
                voucherValue: value, redemption: redemption, leverage: leverage)
        }
    }

    private func milestones(_ node: YAMLNode) -> [Milestone?] {
        guard case .mapping(let entries) = node.content else {
            context.report(node, "milestones", "\(describe(node)); expected a mapping of milestone name → rate by stage")
            return [nil]
        }
        return entries.map { entry in
            let path = "milestones.\(entry.key)"
            let keyNode = YAMLNode(content: .scalar(entry.key, quoted: false), location: entry.keyLocation)
            guard let name = context.identifier(keyNode, path),
                let rate = context.stagedParameter(entry.value, path, .rate)
            else { return nil }
            return Milestone(name: name, rate: rate)
        }
    }

    // MARK: - Correlations

    private func correlations(_ node: YAMLNode) -> [RankCorrelation] {
        guard let items = context.list(node, "correlations", of: "{between: [KEY.PATH, KEY.PATH], rank: R}") else { return [] }
        var result: [RankCorrelation] = []
        for (i, item) in items.enumerated() {
            let path = "correlations[\(i)]"
            guard let reader = MappingReader(item, path: path, context: context, keys: ["between", "rank"]) else { continue }
            var ids: [ParameterID] = []
            if let between = reader.required("between", expected: "two parameter key paths"),
                let paths = context.list(between, "\(path).between", of: "two parameter key paths")
            {
                if paths.count != 2 {
                    context.report(between, "\(path).between", "\(paths.count) paths; expected exactly two")
                }
                for (k, pathNode) in paths.prefix(2).enumerated() {
                    if let id = uncertainParameter(pathNode, "\(path).between[\(k)]") { ids.append(id) }
                }
                if ids.count == 2 && ids[0] == ids[1] {
                    context.report(between, "\(path).between", "both paths name the same parameter; expected two different parameters")
                    ids.removeAll()
                }
            }
            let rank = reader.required("rank", expected: "a rank correlation in (−1, 1)").flatMap { rankNode -> Double? in
                guard let value = context.number(rankNode, "\(path).rank", expected: "a rank correlation in (−1, 1)") else { return nil }
                guard value > -1, value < 1 else {
                    context.report(rankNode, "\(path).rank", "\(formatNumber(value)) is out of range; expected a rank correlation in (−1, 1)")
                    return nil
                }
                return value
            }
            guard ids.count == 2, let rank else { continue }
            if result.contains(where: { Set([$0.first, $0.second]) == Set(ids) }) {
                context.report(item, path, "this pair is already correlated; expected each pair once")
                continue
            }
            result.append(RankCorrelation(first: ids[0], second: ids[1], rank: rank))
        }
        if context.diagnostics.isEmpty, !result.isEmpty {
            let (members, matrix) = RankCorrelation.normalScoreMatrix(result)
            if Cholesky.factor(matrix) == nil {
                let names = members.map { context.parameters[$0.index].keyPath }.joined(separator: ", ")
                context.report(
                    node, "correlations",
                    "the rank correlations among \(names) are not positive definite (no joint distribution has them); expected a consistent set, e.g. weaker correlations"
                )
            }
        }
        return result
    }

    /// The uncertain parameter a correlation names: by its key path as `--set` writes it
    /// (`wallets.personal.innovation.launch` for one stage) or as runs.csv does (`…innovation[launch]`).
    private func uncertainParameter(_ node: YAMLNode, _ path: String) -> ParameterID? {
        guard let text = context.text(node, path) else { return nil }
        let candidates = ParameterSpec.keyPaths(naming: text)
        guard let index = context.parameters.firstIndex(where: { candidates.contains($0.keyPath) }) else {
            let names = context.parameters.filter { $0.distribution.isUncertain }.map(\.keyPath)
            let hint = closestMatch(to: text, in: names).map { "did you mean '\($0)'?" } ?? "expected the key path of a parameter given as a distribution"
            context.report(node, path, "'\(text.excerpt)' is not a parameter of this scenario; \(hint)")
            return nil
        }
        guard context.parameters[index].distribution.isUncertain else {
            context.report(node, path, "'\(text.excerpt)' is a constant; expected a parameter given as a distribution")
            return nil
        }
        return ParameterID(index: index)
    }

    // MARK: - Reported figures

    /// `observed:` — a list of `{month, metric, value, rel_error}`, the figures the forecast is
    /// conditioned on (docs/model.md §8); each month and metric once.
    private func observed(_ node: YAMLNode, _ calendar: ScenarioCalendar?, _ milestones: [Milestone]) -> [Observation?] {
        guard let items = context.list(node, "observed", of: "{month, metric, value, rel_error}") else { return [nil] }
        let all = Metric.all(milestones: milestones)
        let names = all.map(\.description)
        var seen: [String: Int] = [:]
        return items.enumerated().map { i, item in
            let path = "observed[\(i)]"
            guard let reader = MappingReader(item, path: path, context: context, keys: ["month", "metric", "value", "rel_error"]) else { return nil }
            let month = reader.required("month", expected: "a month, YYYY-MM").flatMap { monthInCalendar($0, "\(path).month", calendar) }
            var metric: Metric?
            if let metricNode = reader.required("metric", expected: "a metric name"), let name = context.text(metricNode, "\(path).metric") {
                if let index = names.firstIndex(of: name) {
                    metric = all[index]
                } else {
                    let hint = closestMatch(to: name, in: names).map { "did you mean '\($0)'?" } ?? "expected one of \(names.joined(separator: ", "))"
                    context.report(metricNode, "\(path).metric", "unknown metric '\(name.excerpt)'; \(hint)")
                }
            }
            var value: Double?
            if let valueNode = reader.required("value", expected: "the reported value, a number ≥ 0"),
                let number = context.number(valueNode, "\(path).value")
            {
                if number < 0 {
                    context.report(valueNode, "\(path).value", "\(formatNumber(number)) is negative; expected a value ≥ 0")
                } else {
                    value = number
                }
            }
            var relativeError = ObservationFile.defaultRelativeError
            if let errorNode = reader.optional("rel_error"), let r = context.number(errorNode, "\(path).rel_error") {
                if ObservationFile.relativeErrorRange.contains(r) {
                    relativeError = r
                } else {
                    context.report(
                        errorNode, "\(path).rel_error",
                        "\(formatNumber(r)) is out of range; expected the relative sd of the reporting error in [1e-6, 10], e.g. 0.05")
                }
            }
            guard let month, let metric, let value else { return nil }
            let key = "\(month) \(metric)"
            if let first = seen[key] {
                context.report(item, path, "\(metric) at \(month) is already given by observed[\(first)]; expected each month and metric once")
                return nil
            }
            seen[key] = i
            return Observation(month: month, metric: metric, value: value, relativeError: relativeError, location: item.location)
        }
    }

    // MARK: - Targets and verdict

    private func targets(_ node: YAMLNode, _ calendar: ScenarioCalendar?, _ milestones: [Milestone]) -> [Target?] {
        guard let items = context.list(node, "targets", of: "targets") else { return [nil] }
        let all = Metric.all(milestones: milestones), metrics = all.map(\.description)
        var seen: Set<String> = []
        return items.enumerated().map { i, item in
            let path = "targets[\(i)]"
            guard
                let reader = MappingReader(
                    item, path: path, context: context,
                    keys: ["id", "label", "metric", "by", "at_least", "increase_over"])
            else { return nil }
            let id = reader.required("id", expected: "an identifier").flatMap { context.identifier($0, "\(path).id") }
            if let id, !seen.insert(id).inserted {
                context.report(reader.optional("id")!, "\(path).id", "target '\(id.excerpt)' is named twice; expected each id once")
            }
            let label = reader.optional("label").flatMap { context.localizedText($0, "\(path).label") }
            var metric: Metric?
            if let metricNode = reader.required("metric", expected: "a metric name"), let name = context.text(metricNode, "\(path).metric") {
                if let index = metrics.firstIndex(of: name) {
                    metric = all[index]
                } else {
                    let hint =
                        closestMatch(to: name, in: metrics).map { "did you mean '\($0)'?" }
                        ?? "expected one of \(metrics.joined(separator: ", ")), or milestones.NAME for a milestone the scenario defines"
                    context.report(metricNode, "\(path).metric", "unknown metric '\(name.excerpt)'; \(hint)")
                }
            }
            let by = reader.required("by", expected: "the deadline, YYYY-MM").flatMap { monthInCalendar($0, "\(path).by", calendar) }
            let threshold = reader.required("at_least", expected: "a number").flatMap { context.number($0, "\(path).at_least") }
            if let id { context.recordNumericPath("targets.\(id).at_least") }
            var base: Month??
            if let baseNode = reader.optional("increase_over") {
                base = .some(monthInCalendar(baseNode, "\(path).increase_over", calendar))
                if let b = base ?? nil, let by, b >= by {
                    context.report(baseNode, "\(path).increase_over", "\(b) is not before the deadline \(by); expected a base month before 'by'")
                    base = .some(nil)
                }
            }
            guard let id, let metric, let by, let threshold, base.map({ $0 != nil }) ?? true else { return nil }
            let condition: Target.Condition = (base ?? nil).map { .increaseOver(base: $0, amount: threshold) } ?? .atLeast(threshold)
            return Target(id: id, label: label ?? LocalizedText(id), metric: metric, deadline: by, condition: condition)
        }
    }

    private func monthInCalendar(_ node: YAMLNode, _ path: String, _ calendar: ScenarioCalendar?) -> Month? {
        guard let month = context.month(node, path) else { return nil }
        if let calendar, !calendar.contains(month) {
            context.report(node, path, "\(month) is outside the calendar; expected \(calendar.start)…\(calendar.end)")
            return nil
        }
        return month
    }

    private func verdict(_ node: YAMLNode) -> VerdictThresholds? {
        guard let reader = MappingReader(node, path: "verdict", context: context, keys: ["likely", "unlikely"]) else { return nil }
        func share(_ key: String, _ fallback: Double) -> Double? {
            guard let child = reader.optional(key) else { return fallback }
            guard let value = context.number(child, "verdict.\(key)", expected: "a probability in [0, 1]") else { return nil }
            guard (0...1).contains(value) else {
                context.report(child, "verdict.\(key)", "\(formatNumber(value)) is out of range; expected a probability in [0, 1]")
                return nil
            }
            return value
        }
        guard let likely = share("likely", VerdictThresholds.standard.likely),
            let unlikely = share("unlikely", VerdictThresholds.standard.unlikely)
        else { return nil }
        guard unlikely <= likely else {
            context.report(node, "verdict", "unlikely \(formatNumber(unlikely)) is above likely \(formatNumber(likely)); expected unlikely ≤ likely")
            return nil
        }
        return VerdictThresholds(likely: likely, unlikely: unlikely)
    }
}
