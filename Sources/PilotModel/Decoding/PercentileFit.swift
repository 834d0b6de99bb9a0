import Foundation

/// A distribution fitted to percentiles an analyst gives (`{quantiles: {p05: 0.02, p50: 0.03,
/// p95: 0.06}}`): the family that suits the parameter's domain — a lognormal for rates and sizes,
/// a beta for shares — by least squares on the quantile scale; with three percentiles that family
/// cannot match, a three-term metalog (Keelin, "The metalog distributions", Decision Analysis 13,
/// 2016), log-transformed for rates and sizes and logit-transformed for shares, which passes through
/// all three exactly.
///
/// Pure Swift (the model layer has no GSL): the normal quantile by Acklam's algorithm with one
/// Halley step on `erfc`, the beta's CDF by the continued fraction of the incomplete beta
/// (Numerical Recipes §6.4), its quantile by bisection.
public struct PercentileFit: Sendable, Equatable {
    /// The given percentiles as (probability, value), in increasing order.
    public let given: [Percentile]
    public let distribution: Distribution
    /// The largest miss of the fitted quantile at a given percentile, as a share of the range the
    /// percentiles span.
    public let worstError: Double

    public struct Percentile: Sendable, Equatable {
        public let probability: Double
        public let value: Double
    }

    /// How far a fitted percentile may be from the given one, as a share of their range: 1%.
    public static let tolerance = 0.01

    public enum Failure: Error, Equatable {
        case notIncreasing
        case outsideDomain(Double)
        case cannotFit(worstError: Double)
    }

    /// Fits `given` (two or three percentiles) for a parameter of `domain`.
    public static func fit(_ given: [Percentile], domain: ParameterDomain) throws(Failure) -> PercentileFit {
        let sorted = given.sorted { $0.probability < $1.probability }
        for (a, b) in zip(sorted, sorted.dropFirst()) where !(a.probability < b.probability && a.value < b.value) { throw .notIncreasing }
        for p in sorted {
            let inside = domain == .share ? p.value > 0 && p.value < 1 : p.value > 0 && p.value <= domain.range.upperBound
            if !inside { throw .outsideDomain(p.value) }
        }
        let range = sorted.last!.value - sorted.first!.value
        func worst(_ distribution: Distribution) -> Double {
            sorted.map { abs(quantile(distribution, $0.probability) - $0.value) / range }.max()!
        }
        let family = domain == .share ? fitBeta(sorted) : fitLognormal(sorted)
        if worst(family) <= tolerance { return PercentileFit(given: sorted, distribution: family, worstError: worst(family)) }
        if sorted.count == 3, let metalog = metalog(sorted, domain: domain) {
            return PercentileFit(given: sorted, distribution: metalog, worstError: worst(metalog))
        }
        throw .cannotFit(worstError: worst(family))
    }

    // MARK: - Families

    static func fitLognormal(_ given: [Percentile]) -> Distribution {
        // Least squares of log q on z gives the start; then least squares on the quantile scale.
        let z = given.map { normalQuantile($0.probability) }, y = given.map { log($0.value) }
        let mz = z.reduce(0, +) / Double(z.count), my = y.reduce(0, +) / Double(y.count)
        let sigma = max(1e-6, zip(z, y).reduce(0) { $0 + ($1.0 - mz) * ($1.1 - my) } / z.reduce(0) { $0 + ($1 - mz) * ($1 - mz) })
        let start = [my - sigma * mz, log(sigma)]
        let best = minimize(start) { x in
            zip(z, given).reduce(0) {
                let d = exp(x[0] + exp(x[1]) * $1.0) - $1.1.value
                return $0 + d * d
            }
        }
        return .lognormal(zeta: best[0], sigma: exp(best[1]))
    }

    static func fitBeta(_ given: [Percentile]) -> Distribution {
        // Start from the moments a normal through the outer percentiles would have.
        let first = given.first!, last = given.last!
        let sd = max(1e-4, (last.value - first.value) / (normalQuantile(last.probability) - normalQuantile(first.probability)))
        let mean = min(max(given.map(\.value).reduce(0, +) / Double(given.count), 1e-4), 1 - 1e-4)
        let nu = max(0.5, mean * (1 - mean) / (sd * sd) - 1)
        let best = minimize([log(mean * nu), log((1 - mean) * nu)]) { x in
            given.reduce(0) {
                let d = betaQuantile($1.probability, exp(x[0]), exp(x[1])) - $1.value
                return $0 + d * d
            }
        }
        return .beta(alpha: exp(best[0]), beta: exp(best[1]))
    }

    /// The three-term metalog through three percentiles, in log (rates, sizes) or logit (shares)
    /// space; `nil` when its coefficients do not give an increasing quantile function (Keelin's
    /// feasibility condition for three terms: a₂ > 0 and |a₃|/a₂ < 1.66711).
    static func metalog(_ given: [Percentile], domain: ParameterDomain) -> Distribution? {
        let transform: Distribution.MetalogSpace = domain == .share ? .logit : .log
        let rows = given.map { p -> [Double] in
            let l = log(p.probability / (1 - p.probability))
            return [1, l, (p.probability - 0.5) * l]
        }
        let targets = given.map { transform.forward($0.value) }
        guard let a = solve3(rows, targets), a[1] > 0, abs(a[2]) / a[1] < 1.66711 else { return nil }
        return .metalog(a1: a[0], a2: a[1], a3: a[2], space: transform)
    }

    /// Gaussian elimination with partial pivoting for a 3 × 3 system.
    static func solve3(_ m: [[Double]], _ b: [Double]) -> [Double]? {
        var a = zip(m, b).map { $0 + [$1] }
        for c in 0..<3 {
            guard let pivot = (c..<3).max(by: { abs(a[$0][c]) < abs(a[$1][c]) }), abs(a[pivot][c]) > 1e-300 else { return nil }
            a.swapAt(c, pivot)
            for r in 0..<3 where r != c {
                let f = a[r][c] / a[c][c]
                for k in c..<4 { a[r][k] -= f * a[c][k] }
            }
        }
        return (0..<3).map { a[$0][3] / a[$0][$0] }
    }

    /// Nelder–Mead on two variables (Nelder & Mead 1965), to a relative tolerance of 10⁻¹⁴.
    static func minimize(_ start: [Double], _ f: ([Double]) -> Double) -> [Double] {
        var simplex = [start, [start[0] + 0.1, start[1]], [start[0], start[1] + 0.1]]
        var values = simplex.map(f)
        for _ in 0..<4000 {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[2] - values[0]) <= 1e-14 * (abs(values[0]) + 1e-300) { break }
            let centre = [(simplex[0][0] + simplex[1][0]) / 2, (simplex[0][1] + simplex[1][1]) / 2]
            func along(_ t: Double) -> [Double] { [centre[0] + t * (simplex[2][0] - centre[0]), centre[1] + t * (simplex[2][1] - centre[1])] }
            let reflected = along(-1), fr = f(reflected)
            if fr < values[0] {
                let expanded = along(-2), fe = f(expanded)
                (simplex[2], values[2]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[1] {
                (simplex[2], values[2]) = (reflected, fr)
            } else {
                let contracted = fr < values[2] ? along(-0.5) : along(0.5), fc = f(contracted)
                if fc < min(fr, values[2]) {
                    (simplex[2], values[2]) = (contracted, fc)
                } else {
                    for k in 1...2 {
                        simplex[k] = [simplex[0][0] + 0.5 * (simplex[k][0] - simplex[0][0]), simplex[0][1] + 0.5 * (simplex[k][1] - simplex[0][1])]
                        values[k] = f(simplex[k])
                    }
                }
            }
        }
        return simplex[values.indices.min { values[$0] < values[$1] }!]
    }

    // MARK: - Quantiles in pure Swift

    /// The p-quantile of the fitted families (lognormal, beta, metalog).
    static func quantile(_ distribution: Distribution, _ p: Double) -> Double {
        switch distribution {
        case .lognormal(let zeta, let sigma): return exp(zeta + sigma * normalQuantile(p))
        case .beta(let a, let b): return betaQuantile(p, a, b)
        case .metalog: return distribution.metalogQuantile(p)!
        default: return .nan
        }
    }

    /// Φ⁻¹(p): Acklam's rational approximation (relative error 1.15·10⁻⁹), refined by one Halley
    /// step on Φ(x) = erfc(−x/√2)/2.
    public static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - 0.02425 {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }

    /// The regularized incomplete beta I_x(a, b) by its continued fraction (Lentz's method).
    static func incompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x))
        if x > (a + 1) / (a + b + 2) { return 1 - front * continuedFraction(1 - x, b, a) / b }
        return front * continuedFraction(x, a, b) / a
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...300 {
            let m = Double(m)
            var aa = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }

    /// The beta's p-quantile by bisection on I_x(a, b) to double precision.
    static func betaQuantile(_ p: Double, _ a: Double, _ b: Double) -> Double {
        var low = 0.0, high = 1.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if incompleteBeta(middle, a, b) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}

extension Distribution {
    /// Where a metalog's quantile function lives before it is mapped to values: the log of a
    /// positive quantity, or the logit of a share.
    public enum MetalogSpace: String, Sendable, Hashable {
        case log, logit

        func forward(_ x: Double) -> Double { self == .log ? Foundation.log(x) : Foundation.log(x / (1 - x)) }
        func back(_ m: Double) -> Double { self == .log ? exp(m) : 1 / (1 + exp(-m)) }
    }

    /// A metalog's p-quantile, a₁ + a₂·L + a₃·(p − ½)·L with L = ln(p/(1 − p)), mapped back from its
    /// space; `nil` for any other family.
    public func metalogQuantile(_ p: Double) -> Double? {
        guard case .metalog(let a1, let a2, let a3, let space) = self else { return nil }
        let l = log(p / (1 - p))
        return space.back(a1 + a2 * l + a3 * (p - 0.5) * l)
    }
}
