internal import CGSL

/// A GSL generator, the only owner of a `gsl_rng` in pilotsim: `taus2`, L'Ecuyer's maximally
/// equidistributed combined Tausworthe generator (Math. Comp. 65, 1996; period 2⁸⁸).
///
/// Every draw of a run comes from a short stream selected by a 64-bit key (docs/model.md §6; see
/// `StreamSeeding` and `RunStreams`): one stream per uncertain parameter and one per random step
/// of the model. `select(key:)` sets the generator's whole 88-bit state from the key, so a stream
/// is a pure function of its key, and moving to another stream costs three words.
///
/// Not `Sendable`: a source belongs to one thread; parallel runs each use their own.
public final class RandomSource {
    let rng: UnsafeMutablePointer<gsl_rng>
    private var stateWords = [UInt32](repeating: 0, count: 3)

    /// A generator at the start of the stream `key`.
    public init(key: UInt64) {
        _ = GSLRuntime.prepared
        guard let rng = gsl_rng_alloc(cgsl_rng_taus2()) else { fatalError("gsl_rng_alloc failed: out of memory") }
        self.rng = rng
        select(key: key)
    }

    deinit { gsl_rng_free(rng) }

    /// Moves the generator to the start of stream `key`: its whole state is expanded from the key.
    public func select(key: UInt64) {
        StreamSeeding.fill(&stateWords, from: key)
        let status = cgsl_taus2_load_state(rng, stateWords[0], stateWords[1], stateWords[2])
        precondition(status == GSL_SUCCESS, "this GSL's taus2 state layout differs from the one pilotsim was written for")
    }

    /// A uniform draw in [0, 1).
    @inline(__always) public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// A uniform draw in (0, 1).
    @inline(__always) public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }
}
