import CGSL
import Foundation
import PilotModel
import Testing

@testable import Simulator

/// Each sampler family: 200,000 draws, mean and variance within 5 SE of the analytic values.
struct SamplerTests {
    private let random = RandomSource(key: 0x5EED)

    @Test func uniform() {
        expectMoments("uniform", mean: 3.5, variance: 25.0 / 12) { random.flat(min: 1, max: 6) }
    }

    @Test func triangular() {
        let (a, c, b) = (1.0, 2.0, 6.0)
        expectMoments("triangular", mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18) {
            random.triangular(min: a, mode: c, max: b)
        }
    }

    @Test func pert() {
        let (a, c, b) = (0.0, 0.1, 0.5)
        let alpha = 1 + 4 * (c - a) / (b - a), beta = 1 + 4 * (b - c) / (b - a)
        expectMoments(
            "pert", mean: a + (b - a) * alpha / (alpha + beta),
            variance: (b - a) * (b - a) * alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1))
        ) {
            random.pert(min: a, mode: c, max: b)
        }
    }

    @Test func beta() {
        let (a, b) = (2.0, 5.0)
        expectMoments("beta", mean: a / (a + b), variance: a * b / ((a + b) * (a + b) * (a + b + 1))) {
            random.beta(alpha: a, beta: b)
        }
    }

    @Test func gamma() {
        expectMoments("gamma shape 3", mean: 3 * 2, variance: 3 * 4) { random.gamma(shape: 3, scale: 2) }
        expectMoments("gamma shape 0.4", mean: 0.4 * 2, variance: 0.4 * 4) { random.gamma(shape: 0.4, scale: 2) }
        #expect(random.gamma(shape: 0, scale: 2) == 0)
    }

    @Test func lognormal() {
        let (zeta, sigma) = (log(0.02), 0.5)
        expectMoments(
            "lognormal", mean: exp(zeta + sigma * sigma / 2),
            variance: (exp(sigma * sigma) - 1) * exp(2 * zeta + sigma * sigma)
        ) {
            random.lognormal(zeta: zeta, sigma: sigma)
        }
    }

    @Test func truncatedNormal() {
        // E = μ + σ(φ(α) − φ(β))/Z, Var = σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²], Z = Φ(β) − Φ(α).
        func check(mean mu: Double, sd: Double, min: Double, max: Double) {
            let a = (min - mu) / sd, b = (max - mu) / sd
            let z = gsl_cdf_ugaussian_P(b) - gsl_cdf_ugaussian_P(a)
            let pa = gsl_ran_ugaussian_pdf(a), pb = gsl_ran_ugaussian_pdf(b)
            let shift = (pa - pb) / z
            expectMoments(
                "truncated normal [\(min), \(max)]", mean: mu + sd * shift,
                variance: sd * sd * (1 + (a * pa - b * pb) / z - shift * shift)
            ) {
                random.truncatedNormal(mean: mu, sd: sd, min: min, max: max)
            }
        }
        check(mean: 0.1, sd: 0.1, min: 0, max: 1)  // cut on one side
        check(mean: 0.5, sd: 0.2, min: 0.3, max: 0.6)  // cut on both
        check(mean: 0, sd: 1, min: 2, max: 4)  // wholly in the upper tail
    }

    @Test func binomial() {
        expectMoments("binomial small", mean: 1000 * 0.3, variance: 1000 * 0.3 * 0.7) { Double(random.binomial(1000, 0.3)) }
        expectMoments("binomial large", mean: 900_000 * 0.01, variance: 900_000 * 0.01 * 0.99) { Double(random.binomial(900_000, 0.01)) }
        #expect(random.binomial(0, 0.5) == 0 && random.binomial(7, 0) == 0 && random.binomial(7, 1) == 7)
    }

    @Test func poisson() {
        for mean in [3.0, 10.0, 50.0, 5000.0] {
            expectMoments("poisson \(mean)", mean: mean, variance: mean) { random.poisson(mean) }
        }
        #expect(random.poisson(0) == 0)
    }

    @Test func amountOfPayments() {
        // Gamma(count/cv², mean·cv²): mean count·mean, variance count·mean²·cv².
        expectMoments("amount", mean: 40 * 60, variance: 40 * 60 * 60 * 1.5 * 1.5) { random.amount(of: 40, mean: 60, cv: 1.5) }
        #expect(random.amount(of: 40, mean: 60, cv: 0) == 2400)
    }

    @Test func distributionSampleDispatchesToItsFamily() {
        expectMoments("Distribution.gamma", mean: 0.2, variance: 0.01) {
            Distribution.gamma(shape: 4, scale: 0.05).sample(random)
        }
        #expect(Distribution.constant(0.7).sample(random) == 0.7)
    }
}

/// Quantile functions. Where sampler and quantile share no code (GSL's samplers against GSL's or
/// pilotsim's inverse CDFs), F(F⁻¹(p)) = p is checked against the empirical CDF of 200,000 draws;
/// the triangular and truncated normal, whose sampler *is* the inverse CDF, are checked against
/// their closed-form CDFs instead (below).
struct QuantileTests {
    @Test(arguments: [
        Distribution.lognormal(zeta: -4, sigma: 0.5), .uniform(min: 1, max: 3), .pert(min: 0, mode: 0.1, max: 0.5),
        .beta(alpha: 2, beta: 5), .gamma(shape: 0.7, scale: 2),
    ])
    func quantilesMatchTheSampler(distribution: Distribution) {
        let random = RandomSource(key: 31)
        let n = 200_000
        let draws = (0..<n).map { _ in distribution.sample(random) }
        for p in [0.05, 0.1, 0.5, 0.9, 0.95] {
            let q = distribution.quantile(p)
            let share = Double(draws.lazy.filter { $0 <= q }.count) / Double(n)
            // The empirical CDF at the true quantile is a binomial share: SE = √(p(1−p)/n); 5 SE.
            #expect(abs(share - p) <= 5 * (p * (1 - p) / Double(n)).squareRoot(), "\(distribution) at \(p): \(share)")
        }
        #expect(Distribution.constant(3).quantile(0.2) == 3)
    }

    /// The triangular CDF, F(x) = (x−a)²/((b−a)(c−a)) up to the mode c and 1 − (b−x)²/((b−a)(b−c))
    /// after it, at the computed quantile gives back p.
    @Test func triangularQuantileInvertsTheClosedFormCDF() {
        for (a, c, b) in [(0.0, 0.2, 1.0), (1.1, 2.5, 4.0), (0.0, 0.0, 1.0), (2.0, 5.0, 5.0)] {
            let cdf = { (x: Double) in x <= c ? (x - a) * (x - a) / ((b - a) * (c - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - c)) }
            for p in [0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999] {
                let q = Distribution.triangular(min: a, mode: c, max: b).quantile(p)
                #expect(abs(cdf(q) - p) < 1e-12, "triangular(\(a), \(c), \(b)) at \(p): F(q) = \(cdf(q))")
            }
        }
        // The median of triangular(0, 0.2, 1): 1 − √(0.5·0.8) = 0.367544467966324 (by hand).
        #expect(abs(Distribution.triangular(min: 0, mode: 0.2, max: 1).quantile(0.5) - 0.367544467966324) < 1e-14)
    }

    /// The truncated normal's CDF, (Φ((x−μ)/σ) − Φ(α))/(Φ(β) − Φ(α)), with Φ from the C library's
    /// erfc (not GSL), at the computed quantile gives back p.
    @Test func truncatedNormalQuantileInvertsTheClosedFormCDF() {
        func phi(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
        for (mu, sd, lo, hi) in [(0.1, 0.1, 0.0, 1.0), (0.5, 0.2, 0.3, 0.6), (0.0, 1.0, 2.0, 4.0), (0.0, 1.0, -1.0, 1.0)] {
            let za = phi((lo - mu) / sd), zb = phi((hi - mu) / sd)
            for p in [0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999] {
                let q = Distribution.truncatedNormal(mean: mu, sd: sd, min: lo, max: hi).quantile(p)
                let f = (phi((q - mu) / sd) - za) / (zb - za)
                #expect(abs(f - p) < 1e-9, "truncated normal(\(mu), \(sd), [\(lo), \(hi)]) at \(p): F(q) = \(f)")
            }
        }
        // A symmetric interval: the median is the mean.
        #expect(abs(Distribution.truncatedNormal(mean: 0, sd: 1, min: -1, max: 1).quantile(0.5)) < 1e-15)
    }

    /// Shapes where `gsl_cdf_beta_Pinv` alone returns NaN (the baseline's churn is one).
    @Test func quantilesAreFiniteAndInvertTheCDF() {
        for distribution in [
            Distribution.beta(alpha: 3.95, beta: 391.05), .beta(alpha: 0.3, beta: 0.4), .beta(alpha: 500, beta: 2),
            .gamma(shape: 0.05, scale: 1), .gamma(shape: 4000, scale: 0.001),
        ] {
            for p in [1e-12, 0.001, 0.25, 0.5, 0.75, 0.999, 1 - 1e-12] {
                let q = distribution.quantile(p)
                #expect(q.isFinite && distribution.support.contains(q), "\(distribution) at \(p): \(q)")
                let cdf: (Double) -> Double
                switch distribution {
                case .beta(let a, let b): cdf = { gsl_cdf_beta_P($0, a, b) }
                case .gamma(let k, let theta): cdf = { gsl_cdf_gamma_P($0, k, theta) }
                default: cdf = { _ in p }
                }
                // F(q) = p to 1e-9 relative, or q is as close as doubles get: p lies between F at q's neighbours.
                let close = abs(cdf(q) - p) <= 1e-9 * max(1, 1 / p)
                let neighbours = cdf(q.nextDown) <= p && p <= cdf(q.nextUp)
                #expect(close || neighbours, "\(distribution) at \(p): F(q) = \(cdf(q))")
            }
        }
    }
}
