/// How the report names the random generators.
enum Generators {
    static let description = "GSL mt19937 (process) + taus2 (parameters), streams keyed by SplitMix64(seed, run)"
}
