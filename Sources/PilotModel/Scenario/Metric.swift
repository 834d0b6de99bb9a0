/// A quantity reported at the end of each month (docs/model.md §4).
public enum Metric: Hashable, Sendable, CustomStringConvertible {
    case wallets, walletsPersonal, walletsCorporate, walletsActive
    case merchants
    case transactions
    case amount, amountPersonal, amountCorporate, amountPublic, amountCampaign
    case amountMonthly, transactionsMonthly
    case milestone(String)

    /// The metrics every scenario has, in report order.
    public static let fixed: [Metric] = [
        .wallets, .walletsPersonal, .walletsCorporate, .walletsActive, .merchants, .transactions,
        .amount, .amountPersonal, .amountCorporate, .amountPublic, .amountCampaign,
        .amountMonthly, .transactionsMonthly,
    ]

    /// Every metric of a scenario with `milestones`: the fixed ones, then one per milestone — the
    /// one list of metrics, in report order (`Scenario.metrics`).
    public static func all(milestones: [Milestone]) -> [Metric] {
        fixed + milestones.map { .milestone($0.name) }
    }

    /// The metric's name in scenario files and output, e.g. `amount.personal`.
    public var description: String {
        switch self {
        case .wallets: return "wallets"
        case .walletsPersonal: return "wallets.personal"
        case .walletsCorporate: return "wallets.corporate"
        case .walletsActive: return "wallets.active"
        case .merchants: return "merchants"
        case .transactions: return "transactions"
        case .amount: return "amount"
        case .amountPersonal: return "amount.personal"
        case .amountCorporate: return "amount.corporate"
        case .amountPublic: return "amount.public"
        case .amountCampaign: return "amount.campaign"
        case .amountMonthly: return "amount.monthly"
        case .transactionsMonthly: return "transactions.monthly"
        case .milestone(let name): return "milestones.\(name)"
        }
    }

    /// Whether the metric counts up from the start and never falls (docs/model.md §4): wallets
    /// opened, transactions, amounts and milestones, but not merchants (who churn) or a month's
    /// own figures.
    public var isCumulative: Bool {
        switch self {
        case .merchants, .walletsActive, .amountMonthly, .transactionsMonthly: return false
        default: return true
        }
    }

    /// Whether the metric is in yuan (for formatting).
    public var isYuan: Bool {
        switch self {
        case .amount, .amountPersonal, .amountCorporate, .amountPublic, .amountCampaign, .amountMonthly: return true
        default: return false
        }
    }
}

/// A goal for one metric at one month (docs/model.md §5).
public struct Target: Sendable {
    public enum Condition: Sendable, Equatable {
        /// Met when metric(deadline) ≥ threshold.
        case atLeast(Double)
        /// Met when metric(deadline) − metric(base) ≥ amount.
        case increaseOver(base: Month, amount: Double)
    }

    public var id: String
    public var label: LocalizedText
    public var metric: Metric
    public var deadline: Month
    public var condition: Condition

    /// The goal: the level (`at_least`) or the increase (`increase_over`) to reach.
    public var threshold: Double {
        switch condition {
        case .atLeast(let x), .increaseOver(_, let x): return x
        }
    }

    /// Whether a run whose deciding value (the metric at the deadline, less its value at the base
    /// month for `increase_over`) is `value` meets the target: the one definition of "met".
    @inline(__always) public func isMet(by value: Double) -> Bool { Self.isMet(value, threshold: threshold) }

    /// The same test for a caller that holds the threshold already (the per-month check of a run).
    @inline(__always) public static func isMet(_ value: Double, threshold: Double) -> Bool { value >= threshold }

    /// The base month of an `increase_over` target.
    public var base: Month? {
        if case .increaseOver(let base, _) = condition { return base }
        return nil
    }
}
