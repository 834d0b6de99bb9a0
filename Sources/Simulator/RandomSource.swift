internal import CGSL

/// A GSL generator, the only owner of a `gsl_rng` in pilotsim. Every draw goes through a
/// `RandomSource` keyed to its stream (MODEL.md §6):
///
/// - the **process** stream of a run (the month-by-month draws of §3) is MT19937, whose whole
///   19,968-bit state is expanded from a 64-bit hash of (seed, run index);
/// - each uncertain **parameter** of a run has its own stream, taus2 (L'Ecuyer 1996, period 2⁸⁸),
///   keyed by (seed, run index, parameter key path). A parameter's draw thus depends on nothing
///   but its own distribution: pinning or changing one parameter (a sweep, a tornado, a `--set`)
///   leaves every other parameter's draw in that run unchanged — common random numbers.
///
/// Not `Sendable`: a source belongs to one thread; parallel runs each use their own.
public final class RandomSource {
    public enum Generator: Sendable {
        case mt19937, taus2
    }

    let rng: UnsafeMutablePointer<gsl_rng>
    public let generator: Generator
    private var stateWords: [UInt32]

    /// A generator at the start of the stream `key` (see `StreamSeeding`).
    public init(_ generator: Generator, key: UInt64) {
        _ = GSLRuntime.prepared
        let type = generator == .mt19937 ? cgsl_rng_mt19937() : cgsl_rng_taus2()
        guard let rng = gsl_rng_alloc(type) else { fatalError("gsl_rng_alloc failed: out of memory") }
        self.rng = rng
        self.generator = generator
        stateWords = [UInt32](repeating: 0, count: generator == .mt19937 ? Int(CGSL_MT19937_WORDS) : 3)
        select(key: key)
    }

    deinit { gsl_rng_free(rng) }

    /// Moves the generator to the start of stream `key`: its whole state is expanded from the key.
    public func select(key: UInt64) {
        StreamSeeding.fill(&stateWords, from: key)
        let status: Int32
        switch generator {
        case .mt19937:
            if stateWords.allSatisfy({ $0 == 0 }) { stateWords[0] = 1 }  // MT19937 must not be all zero
            status = stateWords.withUnsafeBufferPointer { cgsl_mt19937_load_state(rng, $0.baseAddress) }
        case .taus2:
            status = cgsl_taus2_load_state(rng, stateWords[0], stateWords[1], stateWords[2])
        }
        precondition(status == GSL_SUCCESS, "this GSL's generator state layout differs from the one pilotsim was written for")
    }

    /// A uniform draw in [0, 1).
    @inline(__always) public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// A uniform draw in (0, 1).
    @inline(__always) public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }
}
