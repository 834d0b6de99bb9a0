import PilotModel

/// The process streams of one run: one per random step of the month (MODEL.md §3), each keyed
/// by (run key, step name). Separate streams keep the steps from sharing draws: a parameter that
/// changes how many uniforms one step consumes (a rejection sampler's shape, say) cannot shift
/// the draws of any other step, so a parameter that does not enter a metric leaves it unchanged
/// to the bit — the common random numbers that sweeps and tornado charts rely on.
final class RunStreams {
    let personalWallets: RandomSource, corporateWallets: RandomSource, merchants: RandomSource
    let personalUse: RandomSource, corporateUse: RandomSource
    let personalAmount: RandomSource, corporateAmount: RandomSource
    let publicAmount: RandomSource, publicCount: RandomSource
    /// Per campaign, in file order.
    let campaignNewUsers: [RandomSource], campaignRedemptions: [RandomSource]
    /// Per milestone, in file order.
    let milestones: [RandomSource]

    private let all: [RandomSource]
    private let names: [UInt64]

    init(_ scenario: Scenario) {
        var named: [(String, RandomSource)] = []
        func stream(_ name: String) -> RandomSource {
            let source = RandomSource(key: 0)
            named.append(("process:" + name, source))
            return source
        }
        personalWallets = stream("wallets.personal")
        corporateWallets = stream("wallets.corporate")
        merchants = stream("merchants")
        personalUse = stream("use.personal")
        corporateUse = stream("use.corporate")
        personalAmount = stream("amount.personal")
        corporateAmount = stream("amount.corporate")
        publicAmount = stream("public_flows.amount")
        publicCount = stream("public_flows.count")
        campaignNewUsers = scenario.campaigns.indices.map { stream("campaigns[\($0)].new_users") }
        campaignRedemptions = scenario.campaigns.indices.map { stream("campaigns[\($0)].redemptions") }
        milestones = scenario.milestones.map { stream("milestones.\($0.name)") }
        all = named.map(\.1)
        names = named.map { StreamSeeding.name(of: $0.0) }
    }

    /// Moves every stream to its start in the run with key `runKey`.
    func select(runKey: UInt64) {
        for i in all.indices {
            all[i].select(key: StreamSeeding.streamKey(runKey: runKey, name: names[i]))
        }
    }
}
