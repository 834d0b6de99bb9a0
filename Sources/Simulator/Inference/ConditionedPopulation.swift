/// One population of the conditioning sampler when its tempering is done: what the rest of the
/// conditioning (`Conditioning.result(of:)`) needs of it, as a value a shard can write and a
/// merge read back.
public struct ConditionedPopulation: Codable, Sendable {
    /// Slot i's key: the prior run key of the population's particle i.
    public let slotKeys: [UInt64]
    /// Each particle's parameter vector in the copula space (`ConditioningSetup.space`).
    public let eps: [[Double]]
    /// Each particle's noise key of each month through the last reported one.
    public let monthKeys: [[UInt64]]
    /// The identity of each particle's parameter vector, and of its whole state.
    public let parameterIDs: [Int], stateIDs: [Int]
    public let iterations: [Conditioning.Iteration]
    public let temperature: Double
    /// Model runs the population simulated (each through the last reported month).
    public let runs: Int

    var n: Int { slotKeys.count }

    /// What is wrong with this population as the one `conditioning` tempers in `slots`, or nil
    /// when it has that population's shape: its slots' keys, a vector of the copula space's
    /// dimension and a key of each reported month for each particle, finite values.
    func damage(as conditioning: Conditioning, setup: ConditioningSetup, slots: Range<Int>) -> String? {
        guard slotKeys == slots.map({ StreamSeeding.runKey(seed: conditioning.seed, run: $0) }) else {
            return "its particles are not those of slots \(slots.lowerBound)..<\(slots.upperBound) with seed \(conditioning.seed)"
        }
        guard eps.count == n, monthKeys.count == n, parameterIDs.count == n, stateIDs.count == n else { return "not one state for each particle" }
        guard eps.allSatisfy({ $0.count == setup.space.dimension && $0.allSatisfy(\.isFinite) }) else { return "a parameter vector no sampler draws" }
        guard monthKeys.allSatisfy({ $0.count == setup.monthLimit }) else { return "not one noise key for each reported month" }
        guard (0...1).contains(temperature), runs >= n, iterations.count <= Conditioning.maximumIterations else { return "a course no sampler takes" }
        return nil
    }
}
