internal import CGSL
import Foundation

extension RandomSource {
    /// The mean from which `poisson` switches from GSL's sampler to PTRS.
    static let ptrsThreshold = 10.0

    /// Poisson(mean).
    ///
    /// Below a mean of 10, `gsl_ran_poisson` (multiplication of uniforms, fast for small means).
    /// From 10 up, Hörmann's PTRS, "The transformed rejection method for generating Poisson random
    /// variables", Insurance: Mathematics and Economics 12 (1993) 39–45, on this generator's
    /// uniforms: O(1) at any mean, where `gsl_ran_poisson` recurses through gamma draws (about
    /// 0.8 µs at means in the thousands). The constants are the paper's.
    ///
    /// - Precondition: mean ≥ 0 and finite.
    @inline(__always) public func poisson(_ mean: Double) -> Double {
        precondition(mean >= 0 && mean.isFinite, "poisson(\(mean)) outside its domain")
        if mean == 0 { return 0 }
        if mean < Self.ptrsThreshold { return Double(gsl_ran_poisson(rng, mean)) }
        return poissonPTRS(mean)
    }

    /// PTRS proper, for mean ≥ 10.
    func poissonPTRS(_ mean: Double) -> Double {
        let slam = mean.squareRoot()
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform() - 0.5
            let v = uniformPositive()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            // log(mean) only here: most draws are accepted above without it.
            if log(v) + log(inverseAlpha) - log(a / (us * us) + b) <= -mean + k * log(mean) - gsl_sf_lngamma(k + 1) {
                return k
            }
        }
    }
}
