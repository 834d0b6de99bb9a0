import CGSL
import Testing

@testable import Simulator

/// PTRS against GSL's own Poisson sampler: equal in distribution (docs/model.md; issue: O(1) Poisson).
struct PoissonPTRSTests {
    /// Two-sample chi-square test of homogeneity on 200,000 draws from each sampler, over bins of
    /// single values with tails pooled so that every bin expects ≥ 20 draws; fails when the
    /// statistic exceeds the 0.1% critical value (a fixed seed makes the outcome deterministic).
    @Test(arguments: [10.0, 50.0, 2000.0])
    func ptrsMatchesGSLInDistribution(mean: Double) {
        let n = 200_000
        let random = RandomSource(key: 42)
        let ptrs = (0..<n).map { _ in Int(random.poissonPTRS(mean)) }
        let gsl = (0..<n).map { _ in Int(gsl_ran_poisson(random.rng, mean)) }

        let sd = mean.squareRoot()
        let low = Int((mean - 4 * sd).rounded(.down)), high = Int((mean + 4 * sd).rounded(.up))
        func bins(_ draws: [Int]) -> [Double] {
            var counts = [Double](repeating: 0, count: high - low + 1)
            for k in draws { counts[min(max(k, low), high) - low] += 1 }
            return counts
        }
        var (a, b) = (bins(ptrs), bins(gsl))
        // Pool adjacent bins until each expects at least 20 draws.
        var pooledA: [Double] = [], pooledB: [Double] = []
        var accA = 0.0, accB = 0.0
        for i in a.indices {
            accA += a[i]
            accB += b[i]
            if accA + accB >= 40 {
                pooledA.append(accA)
                pooledB.append(accB)
                accA = 0
                accB = 0
            }
        }
        if accA + accB > 0 {
            pooledA[pooledA.count - 1] += accA
            pooledB[pooledB.count - 1] += accB
        }
        (a, b) = (pooledA, pooledB)

        let statistic = zip(a, b).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / ($1.0 + $1.1) }
        let degrees = Double(a.count - 1)
        let critical = gsl_cdf_chisq_Qinv(0.001, degrees)
        #expect(statistic < critical, "chi-square \(statistic) on \(degrees) df, critical \(critical) at mean \(mean)")

        // And the moments: both means within 5 SE of the Poisson mean, of each other within 5 SE of a difference.
        let meanPTRS = Double(ptrs.reduce(0, +)) / Double(n), meanGSL = Double(gsl.reduce(0, +)) / Double(n)
        #expect(abs(meanPTRS - mean) <= 5 * (mean / Double(n)).squareRoot())
        #expect(abs(meanPTRS - meanGSL) <= 5 * (2 * mean / Double(n)).squareRoot())
    }
}
