internal import CGSL

extension RandomSource {
    /// Binomial(n, p) by `gsl_ran_binomial` (Kachitvichyanukul & Schmeiser's BTPE for large n·p).
    ///
    /// - Precondition: 0 ≤ n ≤ 2³² − 1 (the scenario loader bounds every count) and p in [0, 1];
    ///   GSL checks neither.
    @inline(__always) public func binomial(_ n: Int, _ p: Double) -> Int {
        precondition(n >= 0 && n <= Int(UInt32.max) && p >= 0 && p <= 1, "binomial(\(n), \(p)) outside its domain")
        if n == 0 || p == 0 { return 0 }
        if p == 1 { return n }
        return Int(gsl_ran_binomial(rng, p, UInt32(n)))
    }
}
