/// What values a parameter may take (MODEL.md §2).
public enum ParameterDomain: String, Sendable {
    /// A proportion in [0, 1].
    case share
    /// A non-negative rate (per month) or coefficient.
    case rate
    /// A non-negative amount, such as yuan.
    case size

    public var range: ClosedRange<Double> {
        switch self {
        case .share: return 0...1
        case .rate, .size: return 0...Double.infinity
        }
    }

    /// Plain words for error messages.
    var phrase: String {
        switch self {
        case .share: return "a share in [0, 1]"
        case .rate: return "a rate ≥ 0"
        case .size: return "a size ≥ 0"
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
