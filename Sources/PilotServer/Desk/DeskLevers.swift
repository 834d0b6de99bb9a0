import PilotModel
import PilotReport

/// The levers a decision-maker owns, read off a scenario: each voucher round's winners, month
/// and voucher value; bank outreach to merchants and public-channel flows by stage. Each is a key
/// path of the scenario (sent as `set.KEY.PATH`), prefilled with the value in force; a lever
/// whose value is a distribution is empty, and says what it keeps.
struct DeskLevers {
    struct Lever {
        let path: String, label: String, current: String, keeps: String
    }

    /// Each voucher round's name and levers (labelled within the round), round by round.
    let rounds: [(name: String, levers: [Lever])]
    let outreach: [Lever], publicFlows: [Lever]
    var campaigns: [Lever] { rounds.flatMap(\.levers) }

    init(_ scenario: Scenario, labels: Labels) {
        func parameter(_ keyPath: String, label: String? = nil) -> Lever? {
            guard let spec = scenario.parameters.first(where: { $0.keyPath == keyPath }) else { return nil }
            let label = label ?? ParameterCatalogue.label(keyPath, scenario: scenario, labels)
            if case .constant(let value) = spec.distribution { return Lever(path: keyPath, label: label, current: formatNumber(value), keeps: "") }
            return Lever(path: keyPath, label: label, current: "", keeps: labels.desk.keep(spec.distributionText(labels)))
        }
        let words = labels.desk
        rounds = scenario.campaigns.indices.map { i in
            let campaign = scenario.campaigns[i]
            let levers = [
                Lever(path: "campaigns[\(i)].winners", label: words.winners, current: String(campaign.winners), keeps: ""),
                Lever(path: "campaigns[\(i)].month", label: words.month, current: campaign.month.description, keeps: ""),
            ]
            return (
                words.round(i + 1, month: campaign.month.description, name: campaign.name),
                levers + [parameter("campaigns[\(i)].voucher_value", label: words.voucherValue)].compactMap { $0 }
            )
        }
        let stages = scenario.calendar.stages.map(\.id)
        outreach = stages.compactMap { parameter("merchants.outreach[\($0)]") }
        publicFlows = stages.compactMap { parameter("public_flows.amount[\($0)]") }
    }

    var all: [Lever] { campaigns + outreach + publicFlows }

    /// The levers whose value is a number (not a month), by path, each named in full (a round's
    /// by the round): what the solve form offers.
    var numeric: [(path: String, label: String)] {
        rounds.flatMap { round in round.levers.filter { !$0.path.hasSuffix(".month") }.map { ($0.path, "\(round.name) — \($0.label)") } }
            + (outreach + publicFlows).map { ($0.path, $0.label) }
    }

    /// The form's sections, with the values `sent` (by path) and the `rounds` removed and added
    /// where the page was sent with them: each round's levers and its check box that removes it,
    /// the fields of a round to add, bank outreach, public flows.
    func sections(_ labels: Labels, sent: [String: String], rounds: DeskRounds) -> [DeskForm.Section] {
        let words = labels.desk
        func fields(_ levers: [Lever]) -> [DeskForm.Field] {
            levers.map { DeskForm.Field(label: $0.label, name: "set.\($0.path)", value: sent[$0.path] ?? $0.current, placeholder: $0.keeps) }
        }
        let roundSections = self.rounds.enumerated().map { i, round in
            DeskForm.Section(
                heading: round.name,
                fields: fields(round.levers) + [
                    DeskForm.Field(label: words.removeRound, name: "remove", value: String(i), checkbox: true, checked: rounds.removed.contains(i))
                ])
        }
        // An empty voucher value keeps the last round's.
        let lastValue = self.rounds.last?.levers.first { $0.path.hasSuffix(".voucher_value") }
        let addFields = [
            DeskForm.Field(label: words.month, name: "add.month", value: rounds.month),
            DeskForm.Field(label: words.winners, name: "add.winners", value: rounds.winners),
            DeskForm.Field(
                label: words.voucherValue, name: "add.voucher_value", value: rounds.voucherValue,
                placeholder: lastValue.map { $0.current.isEmpty ? $0.keeps : words.keep($0.current) } ?? ""),
        ]
        return roundSections
            + [
                DeskForm.Section(heading: words.addRoundHeading, help: words.addRoundHelp, fields: campaigns.isEmpty ? [] : addFields),
                DeskForm.Section(heading: words.outreachHeading, fields: fields(outreach)),
                DeskForm.Section(heading: words.publicFlowsHeading, fields: fields(publicFlows)),
            ].filter { !$0.fields.isEmpty }
    }
}
