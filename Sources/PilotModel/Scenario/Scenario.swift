/// A validated scenario (docs/model.md §7): the model's structure, with every numeric input held in
/// `parameters` and referred to by `ParameterID`, so a run draws one vector and reads it by index.
public struct Scenario: Sendable {
    public var name: LocalizedText
    public var description: LocalizedText?
    public var calendar: ScenarioCalendar
    /// Every numeric input, in the order the scenario names them; draws follow this order.
    public var parameters: [ParameterSpec]
    /// Every key path that holds one number of the model, as `--set` and sweeps address it: each
    /// parameter (a by-stage one both as a whole and stage by stage, `wallets.personal.innovation`
    /// and `wallets.personal.innovation.launch`), each count (`campaigns[0].winners`) and each
    /// target's threshold by id (`targets.wallets-2023.at_least`).
    public var numericPaths: [String]
    public var personal: WalletSegment
    public var corporate: WalletSegment
    public var merchants: MerchantPool
    public var publicFlows: PublicFlows?
    public var campaigns: [Campaign]
    public var milestones: [Milestone]
    /// Rank correlations between uncertain parameters' draws (none: independent).
    public var correlations: [RankCorrelation]
    public var targets: [Target]
    public var verdict: VerdictThresholds
    /// The figures reported so far (`observed:`, docs/model.md §8): with them, every simulating
    /// command answers on the forecast conditioned on them, unless asked for the prior.
    public var observations: [Observation] = []

    public subscript(id: ParameterID) -> ParameterSpec { parameters[id.index] }

    /// Every metric this scenario reports, in a fixed order (docs/model.md §4).
    /// Indices (into `parameters`) of the parameters given as distributions, in order: the
    /// uncertain inputs of every analysis (Monte Carlo draws, tornado, Sobol, the report's table).
    public var uncertainParameters: [Int] { parameters.indices.filter { parameters[$0].distribution.isUncertain } }

    /// The correlations in force: those between two parameters that are still uncertain (a sweep or
    /// tornado that pins a parameter to a constant drops its pairs).
    public var activeCorrelations: [RankCorrelation] {
        correlations.filter { parameters[$0.first.index].distribution.isUncertain && parameters[$0.second.index].distribution.isUncertain }
    }

    public var metrics: [Metric] { Metric.all(milestones: milestones) }
}

/// A wallet segment (personal or corporate), docs/model.md §3 steps 1 and 5.
public struct WalletSegment: Sendable {
    /// Np or Nc: who can open a wallet.
    public var population: Int
    public var initial: Int
    /// p: outreach and promotion, by stage.
    public var innovation: StagedParameter
    /// q: word of mouth.
    public var imitation: ParameterID
    /// r: the pull of merchant acceptance.
    public var merchantPull: ParameterID
    public var activeShare: StagedParameter
    public var transactionsPerActive: StagedParameter
    /// φ: share of personal use that needs no merchant; `nil` for corporate wallets, whose use
    /// docs/model.md does not tie to merchants.
    public var nonmerchantShare: ParameterID?
    public var ticketMean: ParameterID
    public var ticketCV: ParameterID
}

/// Merchants that can accept e-CNY, docs/model.md §3 step 4.
public struct MerchantPool: Sendable {
    /// K.
    public var potential: Int
    public var initial: Int
    /// b: banks' onboarding effort, by stage.
    public var outreach: StagedParameter
    /// g.
    public var walletPull: ParameterID
    /// Share of accepting merchants that stop each month.
    public var churn: ParameterID
}

/// Payroll, subsidies, fees and bills paid through government channels, docs/model.md §3 step 6.
public struct PublicFlows: Sendable {
    /// Yuan per month, by stage.
    public var amount: StagedParameter
    public var cv: ParameterID
    /// Transactions per month, by stage.
    public var count: StagedParameter
}

/// A voucher or red-envelope campaign in one month, docs/model.md §3 step 3.
public struct Campaign: Sendable {
    public var name: String
    public var month: Month
    public var winners: Int
    public var newUserShare: ParameterID
    public var voucherValue: ParameterID
    public var redemption: ParameterID
    public var leverage: ParameterID
}

/// A counted achievement (innovation scenarios, typical cases, …), docs/model.md §3 step 7.
public struct Milestone: Sendable {
    public var name: String
    /// Expected completions per month, by stage.
    public var rate: StagedParameter
}

/// P(met) thresholds for the verdict (docs/model.md §5).
public struct VerdictThresholds: Sendable, Equatable {
    public var likely: Double
    public var unlikely: Double

    public static let standard = VerdictThresholds(likely: 0.8, unlikely: 0.2)

    public init(likely: Double, unlikely: Double) {
        self.likely = likely
        self.unlikely = unlikely
    }

    public func verdict(for probability: Double) -> Verdict {
        if probability >= likely { return .likely }
        if probability < unlikely { return .unlikely }
        return .uncertain
    }
}

public enum Verdict: String, Sendable {
    case likely, uncertain, unlikely
}
