import PilotModel

/// The process streams of one run: one per random step of the model (docs/model.md §3), each keyed by
/// (run key, the step's name). Separate streams keep the steps from sharing
/// draws: a parameter that changes how many uniforms one step consumes (a rejection sampler's
/// shape, say) cannot shift the draws of any other step, so a parameter that does not enter a
/// metric leaves it unchanged to the bit — the common random numbers that sweeps and tornado charts
/// rely on. A conditioned particle keys the streams that feed its reported metrics month by month
/// instead, so that the sampler can redraw one month's noise while keeping the rest (`RunNoise`).
/// A campaign's streams are keyed by its name, so
/// inserting, removing or reordering campaigns never changes another campaign's draws.
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
    /// For each stream, the metrics its draws can reach.
    let feeds: [StreamFeed]
    /// The streams that take the particle's month keys in the run being simulated, and the
    /// reported metrics they were found for.
    private var pinned: [Int] = []
    private var pinnedFor: [Metric] = []
    private var noise = RunNoise(runKey: 0)

    init(_ scenario: Scenario) {
        var named: [(String, RandomSource, StreamFeed)] = []
        func stream(_ name: String, feeds: StreamFeed) -> RandomSource {
            let source = RandomSource(key: 0)
            named.append(("process:" + name, source, feeds))
            return source
        }
        let activity: Set<Metric> = [.walletsActive, .transactions, .transactionsMonthly, .amount, .amountMonthly]
        let amounts: Set<Metric> = [.amount, .amountMonthly]
        let counts: Set<Metric> = [.transactions, .transactionsMonthly]
        personalWallets = stream("wallets.personal", feeds: .adoption)
        corporateWallets = stream("wallets.corporate", feeds: .adoption)
        merchants = stream("merchants", feeds: .adoption)
        personalUse = stream("use.personal", feeds: .metrics(activity.union([.amountPersonal])))
        corporateUse = stream("use.corporate", feeds: .metrics(activity.union([.amountCorporate])))
        personalAmount = stream("amount.personal", feeds: .metrics(amounts.union([.amountPersonal])))
        corporateAmount = stream("amount.corporate", feeds: .metrics(amounts.union([.amountCorporate])))
        publicAmount = stream("public_flows.amount", feeds: .metrics(amounts.union([.amountPublic])))
        publicCount = stream("public_flows.count", feeds: .metrics(counts))
        campaignNewUsers = scenario.campaigns.map { stream("campaign:\($0.name).new_users", feeds: .adoption) }
        campaignRedemptions = scenario.campaigns.map {
            stream("campaign:\($0.name).redemptions", feeds: .metrics(amounts.union(counts).union([.amountCampaign])))
        }
        milestones = scenario.milestones.map { stream("milestones.\($0.name)", feeds: .metrics([.milestone($0.name)])) }
        all = named.map(\.1)
        names = named.map { StreamSeeding.name(of: $0.0) }
        feeds = named.map(\.2)
    }

    /// Takes the keys of the run about to be simulated: every stream starts at (run key, its
    /// name), except, in a conditioned particle, the streams that feed a reported metric.
    func select(_ noise: RunNoise) {
        self.noise = noise
        if noise.pinnedMetrics != pinnedFor {
            pinnedFor = noise.pinnedMetrics
            pinned = all.indices.filter { i in noise.pinnedMetrics.contains { feeds[i].reaches($0) } }
        }
        if noise.monthKeys.isEmpty {
            for i in all.indices { all[i].select(key: StreamSeeding.streamKey(runKey: noise.runKey, name: names[i])) }
        } else {
            var p = 0
            for i in all.indices {
                if p < pinned.count && pinned[p] == i {
                    p += 1
                    continue
                }
                all[i].select(key: StreamSeeding.streamKey(runKey: noise.runKey, name: names[i]))
            }
        }
    }

    /// Moves the pinned streams to month offset `t`: to (the particle's key of the month, the
    /// stream's name) while it has one, then to (run key, name) for the months after.
    @inline(__always) func enter(month t: Int) {
        guard t <= noise.monthKeys.count, !noise.monthKeys.isEmpty else { return }
        let key = t < noise.monthKeys.count ? noise.monthKeys[t] : noise.runKey
        for i in pinned { all[i].select(key: StreamSeeding.streamKey(runKey: key, name: names[i])) }
    }
}

/// The keys of one run's process noise (see `RunStreams`). A plain run keys every stream by its
/// run key. A conditioned particle also carries one key for each of the first months — the noise
/// the reported figures saw — used by the streams that feed the reported metrics; every other
/// stream, and those streams after the last reported month, are keyed by `runKey`: noise of the
/// particle's own, which copies made by resampling do not share.
public struct RunNoise: Sendable {
    public var runKey: UInt64
    /// The particle's keys for months `0..<monthKeys.count` (empty in a plain run).
    public var monthKeys: [UInt64] = []
    /// The reported metrics: the streams that feed them take `monthKeys`.
    public var pinnedMetrics: [Metric] = []

    public init(runKey: UInt64, monthKeys: [UInt64] = [], pinnedMetrics: [Metric] = []) {
        self.runKey = runKey
        self.monthKeys = monthKeys
        self.pinnedMetrics = pinnedMetrics
    }
}

/// The metrics a process stream's draws can reach.
enum StreamFeed: Sendable {
    /// Adoption (wallets, merchants, campaigns' new users) reaches every metric but the milestones:
    /// use, amounts and merchants all read the wallets.
    case adoption
    case metrics(Set<Metric>)

    func reaches(_ metric: Metric) -> Bool {
        switch self {
        case .adoption: if case .milestone = metric { false } else { true }
        case .metrics(let set): set.contains(metric)
        }
    }
}
