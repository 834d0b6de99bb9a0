import Foundation
import PilotModel

/// The Gaussian-copula coordinates of a scenario's uncertain parameters (see `Conditioning`).
struct CopulaSpace: Sendable {
    /// Indices (into `scenario.parameters`) of the uncertain parameters, one coordinate each.
    let parameters: [Int]
    /// Every parameter's value with the uncertain ones at 0: the start of a row's values.
    let constants: [Double]
    /// For each coordinate, the (coordinate, weight) pairs whose sum is its normal score: the
    /// Cholesky factor's row for a correlated parameter, itself alone otherwise.
    private let mixing: [[(Int, Double)]]
    /// For each coordinate, the map from its normal score to its value: exact for a lognormal
    /// (exp(ζ + σz)), a `QuantileTable` otherwise.
    private let transforms: [Transform]

    enum Transform: Sendable {
        case lognormal(zeta: Double, sigma: Double, domain: ParameterDomain)
        case table(QuantileTable)
    }

    var dimension: Int { parameters.count }

    init(_ scenario: Scenario) {
        let uncertain = scenario.uncertainParameters
        parameters = uncertain
        constants = scenario.parameters.map { spec in
            if case .constant(let value) = spec.distribution { return value }
            return 0
        }
        var mixing = uncertain.indices.map { [($0, 1.0)] }
        let (members, matrix) = RankCorrelation.normalScoreMatrix(scenario.activeCorrelations)
        if !members.isEmpty, let factor = Cholesky.factor(matrix) {
            let coordinates = members.map { uncertain.firstIndex(of: $0.index)! }
            for (a, coordinate) in coordinates.enumerated() {
                mixing[coordinate] = (0...a).map { (coordinates[$0], factor[a][$0]) }
            }
        }
        self.mixing = mixing
        transforms = uncertain.map { i in
            let spec = scenario.parameters[i]
            if case .lognormal(let zeta, let sigma) = spec.distribution { return .lognormal(zeta: zeta, sigma: sigma, domain: spec.domain) }
            return .table(QuantileTable(spec))
        }
    }

    /// Sets the uncertain parameters' values from the coordinates `eps`.
    func fill(_ values: inout [Double], from eps: [Double]) {
        fill(&values, from: eps, coordinates: parameters.indices)
    }

    /// Sets the values of the parameters at `coordinates` only (the others keep what they held).
    func fill<C: Collection>(_ values: inout [Double], from eps: [Double], coordinates: C) where C.Element == Int {
        for j in coordinates {
            let i = parameters[j]
            var z = 0.0
            for (k, weight) in mixing[j] { z += weight * eps[k] }
            switch transforms[j] {
            case .lognormal(let zeta, let sigma, let domain): values[i] = domain.clamp(exp(zeta + sigma * z))
            case .table(let table): values[i] = table(z)
            }
        }
    }
}
