/// Keys of the random streams of a simulation, docs/model.md §6.
///
/// `gsl_rng_set` keeps only 32 bits of a seed, so 10⁵ runs seeded by index would share streams by
/// the birthday bound. Instead all 64 bits of the seed and the run index are hashed into one
/// 64-bit run key; each stream of the run is keyed by the run key and the stream's name; and
/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014)
/// expands a stream key into the generator's state.
public enum StreamSeeding {
    /// The SplitMix64 output function (a bijection on 64-bit words with full avalanche).
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The key of run `run`; every bit of `seed` matters.
    public static func runKey(seed: UInt64, run: Int) -> UInt64 {
        mix(mix(seed &+ golden) ^ (UInt64(run) &* golden &+ 0x632B_E59B_D9B4_E019))
    }

    /// The key of the stream called `name` in the run with key `runKey`.
    @inline(__always) public static func streamKey(runKey: UInt64, name: UInt64) -> UInt64 {
        mix(runKey ^ mix(name &+ golden))
    }

    /// A 64-bit name for a stream, from its text (FNV-1a over the UTF-8 bytes), e.g. a parameter's
    /// key path or `process:merchants`.
    public static func name(of text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Fills `words` with the SplitMix64 sequence started at `key`, 32 bits a word.
    static func fill(_ words: inout [UInt32], from key: UInt64) {
        var state = key
        var i = 0
        while i < words.count {
            state &+= golden
            let z = mix(state)
            words[i] = UInt32(truncatingIfNeeded: z)
            if i + 1 < words.count { words[i + 1] = UInt32(truncatingIfNeeded: z >> 32) }
            i += 2
        }
    }
}
