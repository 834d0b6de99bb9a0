internal import CGSL

/// GSL's Sobol quasi-random sequence (`gsl_qrng_sobol`, Bratley & Fox's algorithm 659), the only
/// owner of a `gsl_qrng` in pilotsim. Not `Sendable`: one thread draws the points.
final class SobolSequence {
    /// GSL supports at most this many dimensions.
    static let maximumDimension = Int(CGSL_SOBOL_MAX_DIMENSION)

    private let qrng: UnsafeMutablePointer<gsl_qrng>
    let dimension: Int

    /// - Precondition: 1 ≤ dimension ≤ `maximumDimension`.
    init(dimension: Int) {
        precondition((1...Self.maximumDimension).contains(dimension), "Sobol dimension \(dimension) outside 1…\(Self.maximumDimension)")
        _ = GSLRuntime.prepared
        guard let qrng = gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimension)) else { fatalError("gsl_qrng_alloc failed: out of memory") }
        self.qrng = qrng
        self.dimension = dimension
    }

    deinit { gsl_qrng_free(qrng) }

    /// The next point of [0, 1)^dimension.
    func next() -> [Double] {
        var point = [Double](repeating: 0, count: dimension)
        let status = point.withUnsafeMutableBufferPointer { gsl_qrng_get(qrng, $0.baseAddress) }
        precondition(status == GSL_SUCCESS, "gsl_qrng_get failed: the Sobol sequence is exhausted")
        return point
    }
}
