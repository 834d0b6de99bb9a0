import PilotModel

/// One-at-a-time sensitivity: each uncertain parameter pinned at a low and a high quantile while
/// all others stay uncertain, with the same seed and run indices throughout (common random numbers).
public struct Tornado: Sendable {
    /// One parameter's effect on one target.
    public struct Bar: Sendable, Codable, Equatable {
        /// The parameter's key path, e.g. `wallets.personal.innovation[launch]`.
        public let parameter: String
        public let lowValue: Double, highValue: Double
        public let lowProbability: Double, highProbability: Double
        /// |P(met) at high − P(met) at low|.
        public var swing: Double { abs(highProbability - lowProbability) }
        /// Standard error of the difference, from the paired runs: sd(met_high − met_low)/√n.
        public let swingStandardError: Double
    }

    public let scenario: Scenario
    public let low: Double, high: Double
    /// Conditioned particles to run on instead of plain runs; the parameters the figures inform
    /// are then not pinned (a value for them would contradict the figures).
    public let sample: ConditionedSample?

    /// - Precondition: 0 < low < high < 1.
    public init(scenario: Scenario, low: Double, high: Double, sample: ConditionedSample? = nil) {
        precondition(low > 0 && low < high && high < 1)
        self.scenario = scenario
        self.low = low
        self.high = high
        self.sample = sample
    }

    /// Indices of the parameters that are pinned: every uncertain one (a by-stage map's stages
    /// each count), less those the reported figures inform.
    public var parameters: [Int] {
        scenario.uncertainParameters.filter { sample?.informs(scenario.parameters[$0]) != true }
    }

    /// The parameters left out because the reported figures inform them (key paths).
    public var fixedByFigures: [String] {
        scenario.uncertainParameters.filter { sample?.informs(scenario.parameters[$0]) == true }.map { scenario.parameters[$0].keyPath }
    }

    private func engine(_ scenario: Scenario, seed: UInt64, threads: Int) -> MonteCarlo {
        var engine = MonteCarlo(scenario: scenario, seed: seed, threads: threads, keep: [])
        engine.sample = sample
        return engine
    }

    /// P(met) of each target with nothing pinned, then the bars of each target sorted by swing
    /// (largest first); `progress` is called with the number of simulations done (2 per parameter).
    public func run(seed: UInt64, runs: Int, threads: Int, progress: (Int) -> Void = { _ in }) -> (baseline: SimulationSummary, bars: [[Bar]]) {
        let runs = sample?.count ?? runs
        let baseline = engine(scenario, seed: seed, threads: threads).run(runs: runs).summary
        return (baseline, Self.sorted(bars(of: parameters.indices, seed: seed, runs: runs, threads: threads, progress: progress)))
    }

    /// The bars of the uncertain parameters at `positions` of `parameters` (a shard of the
    /// analysis), per target, in parameter order.
    public func bars(of positions: Range<Int>, seed: UInt64, runs: Int, threads: Int, progress: (Int) -> Void = { _ in }) -> [[Bar]] {
        let runs = sample?.count ?? runs
        /// Per target, whether each run met it: a byte a target and run, taken from the blocks as they come.
        func met(_ scenario: Scenario) -> [[Bool]] {
            var met = scenario.targets.map { _ in [Bool]() }
            let record = RunRecord(scenario, parameters: false, trajectories: false)
            engine(scenario, seed: seed, threads: threads).forEachBlock(indices: 0..<runs, record: record) { block in
                for j in met.indices {
                    for row in 0..<block.count { met[j].append(scenario.targets[j].isMet(by: block[row, record.targetOffset + j])) }
                }
            }
            return met
        }
        var bars = [[Bar]](repeating: [], count: scenario.targets.count)
        for (k, i) in parameters[positions].enumerated() {
            let spec = scenario.parameters[i]
            let values = (spec.quantile(low), spec.quantile(high))
            var pinned = scenario
            pinned.parameters[i].distribution = .constant(values.0)
            let lowMet = met(pinned)
            pinned.parameters[i].distribution = .constant(values.1)
            let highMet = met(pinned)
            progress(2 * (k + 1))
            for j in scenario.targets.indices {
                let a = lowMet[j], b = highMet[j]
                var differences = RunningMoments()
                for (low, high) in zip(a, b) { differences.add(Double((high ? 1 : 0) - (low ? 1 : 0))) }
                let sd = differences.sd
                bars[j].append(
                    Bar(
                        parameter: scenario.parameters[i].keyPath, lowValue: values.0, highValue: values.1,
                        lowProbability: Double(a.lazy.filter { $0 }.count) / Double(runs),
                        highProbability: Double(b.lazy.filter { $0 }.count) / Double(runs),
                        swingStandardError: sd / Double(runs).squareRoot()))
            }
        }
        return bars
    }

    /// Each target's bars by swing, largest first; equal swings in the scenario's parameter order.
    public static func sorted(_ bars: [[Bar]]) -> [[Bar]] {
        bars.map { row in
            row.enumerated().sorted { ($0.element.swing, -$0.offset) > ($1.element.swing, -$1.offset) }.map(\.element)
        }
    }
}
