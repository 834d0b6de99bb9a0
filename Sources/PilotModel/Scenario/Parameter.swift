/// What values a parameter may take (docs/model.md §2).
///
/// Every domain is finite, with bounds far outside any real pilot, so that the month step's
/// arithmetic stays finite and exact where it must: a Poisson mean is at most
/// 4,294,967,295 wallets × 10⁶ transactions ≈ 4.3·10¹⁵ < 2⁵³ (so counts stay whole numbers), and a
/// month's amount at most about 4.3·10¹⁵ × 10¹² yuan, far inside a double's range.
public enum ParameterDomain: String, Sendable {
    /// A proportion in [0, 1].
    case share
    /// A rate (per month) or coefficient in [0, 10⁶].
    case rate
    /// An amount, such as yuan, in [0, 10¹²].
    case size

    public var range: ClosedRange<Double> {
        switch self {
        case .share: return 0...1
        case .rate: return 0...1e6
        case .size: return 0...1e12
        }
    }

    /// `value` brought into the range: a draw from an unbounded family (lognormal, gamma) beyond
    /// the largest value the domain allows is that value.
    public func clamp(_ value: Double) -> Double {
        Swift.min(Swift.max(value, range.lowerBound), range.upperBound)
    }

    /// Whether an unbounded family (lognormal, gamma) fits the domain, its tail cut at the upper
    /// bound by `clamp`: true for rates and sizes, whose bound is an arithmetic safety limit; false
    /// for shares, whose bound 1 is part of what a share means.
    var capsUpperTail: Bool { self != .share }

    /// Plain words for error messages.
    var phrase: String {
        switch self {
        case .share: return "a share in [0, 1]"
        case .rate: return "a rate in [0, 1e6]"
        case .size: return "a size in [0, 1e12]"
        }
    }

    /// The families that fit this domain, for error messages.
    var suggestion: String {
        switch self {
        case .share: return "beta, or truncated_normal/uniform/triangular/pert with bounds in [0, 1]"
        case .rate, .size: return "lognormal, gamma, or truncated_normal/uniform/triangular/pert with min ≥ 0"
        }
    }
}

/// One numeric input of the model: where it is in the scenario, what it may be, what it is.
public struct ParameterSpec: Sendable {
    /// `wallets.personal.imitation`, or `wallets.personal.innovation[launch]` for one stage's value.
    public var keyPath: String
    public var domain: ParameterDomain
    public var distribution: Distribution
    /// Where the value was written, for errors about it.
    public var location: SourceLocation
    /// When the distribution was fitted to percentiles: the fit, for reports.
    public var fit: PercentileFit? = nil
    /// The name its random stream is keyed by, when not the key path: a campaign's parameters are
    /// keyed by the campaign's name (`campaign:NAME.leverage`), so that reordering campaigns keeps
    /// every campaign's draws.
    public var streamName: String? = nil

    /// The text the parameter's stream is keyed by.
    public var streamKeyText: String { streamName ?? keyPath }
}

/// Index of a parameter in `Scenario.parameters`.
public struct ParameterID: Hashable, Sendable {
    public let index: Int
}

/// A parameter marked *by stage*: one `ParameterID` per stage, in calendar order. A value shared by
/// all stages repeats one ID (one draw per run); a map names a separate parameter for each stage.
public struct StagedParameter: Sendable {
    public var perStage: [ParameterID]

    public subscript(stage: Int) -> ParameterID { perStage[stage] }
}
