internal import CGSL

extension RandomSource {
    /// A standard normal draw by `gsl_ran_gaussian_ziggurat` (Marsaglia & Tsang 2000).
    @inline(__always) public func standardNormal() -> Double { gsl_ran_gaussian_ziggurat(rng, 1) }
}
