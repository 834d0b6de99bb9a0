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

    let campaigns: [Lever], outreach: [Lever], publicFlows: [Lever]

    init(_ scenario: Scenario, labels: Labels) {
        func parameter(_ keyPath: String, label: String? = nil) -> Lever? {
            guard let spec = scenario.parameters.first(where: { $0.keyPath == keyPath }) else { return nil }
            let label = label ?? ParameterCatalogue.label(keyPath, scenario: scenario, labels)
            if case .constant(let value) = spec.distribution { return Lever(path: keyPath, label: label, current: formatNumber(value), keeps: "") }
            return Lever(path: keyPath, label: label, current: "", keeps: labels.desk.keep(spec.distributionText(labels)))
        }
        let words = labels.desk
        campaigns = scenario.campaigns.indices.flatMap { i -> [Lever] in
            let campaign = scenario.campaigns[i], name = words.round(i + 1, month: campaign.month.description, name: campaign.name)
            return [
                Lever(path: "campaigns[\(i)].winners", label: "\(name) — \(words.winners)", current: String(campaign.winners), keeps: ""),
                Lever(path: "campaigns[\(i)].month", label: "\(name) — \(words.month)", current: campaign.month.description, keeps: ""),
            ] + [parameter("campaigns[\(i)].voucher_value", label: "\(name) — \(words.voucherValue)")].compactMap { $0 }
        }
        let stages = scenario.calendar.stages.map(\.id)
        outreach = stages.compactMap { parameter("merchants.outreach[\($0)]") }
        publicFlows = stages.compactMap { parameter("public_flows.amount[\($0)]") }
    }

    var all: [Lever] { campaigns + outreach + publicFlows }

    /// The form's sections, with the values `sent` (by path) where the page was sent with them.
    func sections(_ labels: Labels, sent: [String: String]) -> [DeskForm.Section] {
        let words = labels.desk
        func fields(_ levers: [Lever]) -> [DeskForm.Field] {
            levers.map { DeskForm.Field(label: $0.label, name: "set.\($0.path)", value: sent[$0.path] ?? $0.current, placeholder: $0.keeps) }
        }
        return [
            DeskForm.Section(heading: words.campaignsHeading, fields: fields(campaigns)),
            DeskForm.Section(heading: words.outreachHeading, fields: fields(outreach)),
            DeskForm.Section(heading: words.publicFlowsHeading, fields: fields(publicFlows)),
        ].filter { !$0.fields.isEmpty }
    }
}
