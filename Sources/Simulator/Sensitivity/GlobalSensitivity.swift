import PilotModel

/// Sobol indices of each target's deciding value with respect to the scenario's uncertain
/// parameters and the process noise.
///
/// The noise — everything drawn month by month — is one more input: a column of the sample
/// matrices that picks the run whose process streams are used, like a parameter picks its value.
/// Its total index is the share of the spread that no assumption can remove; its first-order
/// index the part that is pure chance whatever the assumptions.
///
/// Conditioned on reported figures (`sample`), the parameters the figures inform are dependent on
/// each other and on the noise of the reported months, so they cannot be separate inputs of an
/// estimator that assumes independent inputs. They form one input instead, a column that picks a
/// particle (its informed values and its month keys), beside the parameters the figures leave
/// alone and the noise of everything else: three independent groups, as the posterior predictive
/// factorises.
public struct GlobalSensitivity: Sendable {
    public let scenario: Scenario
    /// Indices (into `scenario.parameters`) of the inputs that are parameters; the others come after.
    public let parameters: [Int]
    /// Conditioned particles, when the analysis answers given reported figures.
    public let sample: ConditionedSample?

    /// One input of the analysis: an uncertain parameter, what the reported figures fix, or the
    /// process noise.
    public enum Input: Hashable, Sendable {
        /// The parameter at this index of `scenario.parameters`.
        case parameter(Int)
        /// The parameters the reported figures inform and the noise of the reported months, together:
        /// a conditioned particle, chosen by its index.
        case reportedFigures
        /// Everything drawn month by month (after the reported months, when conditioned), chosen by the run index.
        case processNoise
    }

    public init(scenario: Scenario, sample: ConditionedSample? = nil) {
        self.scenario = scenario
        self.sample = sample
        parameters = scenario.uncertainParameters.filter { sample?.informs(scenario.parameters[$0]) != true }
    }

    /// The inputs in the order of the estimate's indices: the parameters, the particle when
    /// conditioned, then the noise.
    public var inputs: [Input] { parameters.map(Input.parameter) + (sample == nil ? [] : [.reportedFigures]) + [.processNoise] }

    /// Evaluates N(d + 2) runs (d = parameters + 1) on `threads` threads.
    public func run(
        samples: Int, seed: UInt64, threads: Int,
        progress: (@Sendable (_ evaluated: Int, _ of: Int) -> Void)? = nil
    ) -> SobolAnalysis.Estimate {
        estimate(
            evaluate(samples: samples, seed: seed, threads: threads, rows: 0..<rowCount(samples: samples), progress: progress),
            samples: samples, seed: seed)
    }

    /// The design's rows for `samples`: N(d + 2).
    public func rowCount(samples: Int) -> Int { samples * (inputs.count + 2) }

    /// Each target's deciding value at the design's rows `rows` (a shard): `[target][row − rows.lowerBound]`.
    public func evaluate(
        samples: Int, seed: UInt64, threads: Int, rows: Range<Int>,
        progress: (@Sendable (_ evaluated: Int, _ of: Int) -> Void)? = nil
    ) -> [[Double]] {
        let scenario = scenario, parameters = parameters, sample = sample
        let places = sample?.places(in: scenario) ?? []
        return SobolAnalysis.evaluate(
            inputs: inputs.count, outputs: scenario.targets.count, samples: samples, seed: seed,
            threads: threads, rows: rows, progress: progress
        ) { _ in
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
                let runKey = StreamSeeding.runKey(seed: seed, run: Int(point[point.count - 1] * 0x1p31))
                if let sample {
                    // The particle coordinate chooses one of the particles.
                    let particle = min(sample.count - 1, Int(point[parameters.count] * Double(sample.count)))
                    sample.fill(&values, particle: particle, places: places)
                    evaluator.simulate(values, noise: sample.noise(particle: particle, runKey: runKey))
                } else {
                    evaluator.simulate(values, runKey: runKey)
                }
                return scenario.targets.indices.map { evaluator.outcome(target: $0).value }
            }
        }
    }

    /// The indices from every row's values (`[target][row]`).
    public func estimate(_ f: [[Double]], samples: Int, seed: UInt64) -> SobolAnalysis.Estimate {
        SobolAnalysis.estimate(f, inputs: inputs.count, samples: samples, seed: seed)
    }
}
