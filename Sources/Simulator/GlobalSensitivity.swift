import PilotModel

/// Sobol indices of each target's deciding value with respect to the scenario's uncertain
/// parameters and the process noise.
///
/// The noise — everything drawn month by month — is one more input: a column of the sample
/// matrices that picks the run whose process streams are used, like a parameter picks its value.
/// Its total index is the share of the spread that no assumption can remove; its first-order
/// index the part that is pure chance whatever the assumptions.
public struct GlobalSensitivity: Sendable {
    public let scenario: Scenario
    /// Indices (into `scenario.parameters`) of the inputs that are parameters; the noise comes after.
    public let parameters: [Int]

    /// One input of the analysis: an uncertain parameter, or the process noise.
    public enum Input: Hashable, Sendable {
        /// The parameter at this index of `scenario.parameters`.
        case parameter(Int)
        /// Everything drawn month by month, chosen by the run index.
        case processNoise
    }

    public init(scenario: Scenario) {
        self.scenario = scenario
        parameters = scenario.uncertainParameters
    }

    /// The inputs in the order of the estimate's indices: the parameters, then the noise.
    public var inputs: [Input] { parameters.map(Input.parameter) + [.processNoise] }

    /// Evaluates N(d + 2) runs (d = parameters + 1) on `threads` threads.
    public func run(samples: Int, seed: UInt64, threads: Int,
                    progress: (@Sendable (_ evaluated: Int, _ of: Int) -> Void)? = nil) -> SobolAnalysis.Estimate {
        estimate(evaluate(samples: samples, seed: seed, threads: threads, rows: 0..<rowCount(samples: samples), progress: progress),
                 samples: samples, seed: seed)
    }

    /// The design's rows for `samples`: N(d + 2).
    public func rowCount(samples: Int) -> Int { samples * (inputs.count + 2) }

    /// Each target's deciding value at the design's rows `rows` (a shard): `[target][row − rows.lowerBound]`.
    public func evaluate(samples: Int, seed: UInt64, threads: Int, rows: Range<Int>,
                         progress: (@Sendable (_ evaluated: Int, _ of: Int) -> Void)? = nil) -> [[Double]] {
        let scenario = scenario, parameters = parameters
        return SobolAnalysis.evaluate(inputs: parameters.count + 1, outputs: scenario.targets.count, samples: samples, seed: seed,
                                      threads: threads, rows: rows, progress: progress) { _ in
            let evaluator = RunEvaluator(scenario)
            var values = scenario.parameters.map { spec -> Double in
                if case .constant(let value) = spec.distribution { return value }
                return 0
            }
            return { point in
                for (k, i) in parameters.enumerated() {
                    values[i] = scenario.parameters[i].quantile(point[k])
                }
                // The noise coordinate chooses one of 2³¹ runs' process streams.
                let run = Int(point[parameters.count] * 0x1p31)
                evaluator.simulate(values, runKey: StreamSeeding.runKey(seed: seed, run: run))
                return scenario.targets.indices.map { evaluator.outcome(target: $0).value }
            }
        }
    }

    /// The indices from every row's values (`[target][row]`).
    public func estimate(_ f: [[Double]], samples: Int, seed: UInt64) -> SobolAnalysis.Estimate {
        SobolAnalysis.estimate(f, inputs: parameters.count + 1, samples: samples, seed: seed)
    }
}
