internal import CGSL

extension RandomSource {
    /// Gamma(shape, scale) by `gsl_ran_gamma` (Marsaglia & Tsang 2000); shape 0 gives 0 (docs/model.md §3).
    ///
    /// - Precondition: shape ≥ 0, scale > 0.
    @inline(__always) public func gamma(shape: Double, scale: Double) -> Double {
        precondition(shape >= 0 && scale > 0 && shape.isFinite && scale.isFinite, "gamma(\(shape), \(scale)) outside its domain")
        if shape == 0 { return 0 }
        return gsl_ran_gamma(rng, shape, scale)
    }

    /// The sum of `count` payments with mean `mean` and coefficient of variation `cv`, as a gamma
    /// matched in mean and variance: Gamma(count/cv², mean·cv²) (docs/model.md §3 step 5). With cv = 0
    /// every payment is exactly `mean`, the limit of that gamma; so is a cv so small that the
    /// gamma's relative sd, cv/√count, is below 2⁻⁵² (shape above 2¹⁰⁴), or that mean·cv²
    /// underflows: the draw would equal count·mean to double precision.
    @inline(__always) public func amount(of count: Double, mean: Double, cv: Double) -> Double {
        if count == 0 || mean == 0 { return 0 }
        let cv2 = cv * cv
        let shape = count / cv2, scale = mean * cv2
        if !(shape < 0x1p104) || scale == 0 { return count * mean }
        return gamma(shape: shape, scale: scale)
    }
}
