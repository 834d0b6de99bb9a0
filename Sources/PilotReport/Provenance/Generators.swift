/// How the report names the random generators.
public enum Generators {
    public static let description = "GSL taus2, one stream per parameter and per model step, keyed by SplitMix64(seed, run, name)"
}
