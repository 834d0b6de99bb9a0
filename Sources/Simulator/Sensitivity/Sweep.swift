import PilotModel

/// A sensitivity sweep: one scenario at every point of a line (one axis) or a grid (two axes),
/// each point simulated with the same seed and run indices (common random numbers, docs/model.md §6),
/// so that differences between points are the effect of the values, not noise.
public struct Sweep: Sendable {
    public let axes: [SweepAxis]
    /// One value per axis, first axis outermost.
    public let points: [[Double]]
    /// The validated scenario of each point.
    public let scenarios: [Scenario]
    /// The scenario with no point applied.
    public let base: Scenario

    /// Validates the axes against the scenario and every point's scenario before anything runs.
    ///
    /// - Throws: `SweepPathError` for a path that is not a number of the scenario (with the
    ///   closest valid paths), `ScenarioValidationError` for values a parameter cannot take.
    /// The most points a sweep takes (every point holds its own scenario).
    public static let maximumPoints = 10_000

    public init(document: ScenarioDocument, overrides: [ScenarioOverride], axes: [SweepAxis]) throws {
        let base = try document.scenario(overrides: overrides)
        self.base = base
        var canonical: [SweepAxis] = []
        for axis in axes {
            guard let path = base.canonicalNumericPath(axis.path), base.numericPaths.contains(path) else {
                throw SweepPathError(path: axis.path, closest: base.numericPaths(closestTo: axis.path))
            }
            canonical.append(SweepAxis(path: path, values: axis.values))
        }
        self.axes = canonical
        points = canonical.reduce([[]]) { partial, axis in partial.flatMap { p in axis.values.map { p + [$0] } } }

        var scenarios: [Scenario] = []
        var problems: [ScenarioDiagnostic] = []
        var seen: Set<ScenarioDiagnostic> = []  // report each problem once, at the first point that has it
        for point in points {
            do {
                let settings = try zip(canonical, point).map { try ScenarioOverride(setting: $0.path, to: $1) }
                scenarios.append(try document.scenario(overrides: overrides + settings))
            } catch let error as ScenarioValidationError {
                let label = zip(canonical, point).map { "\($0.path)=\(formatNumber($1))" }.joined(separator: ", ")
                problems += error.diagnostics.filter { seen.insert($0).inserted }
                    .map { ScenarioDiagnostic(location: $0.location, keyPath: $0.keyPath, message: "\($0.message) (sweep point \(label))") }
            }
        }
        guard problems.isEmpty else { throw ScenarioValidationError(problems) }
        self.scenarios = scenarios
    }

    /// Simulates every point (or the points `points`, a shard of the sweep); `progress` is called
    /// with the number of points done. With `sample`, every point runs on the conditioned
    /// particles (`runs` is then their count); `check(against:)` first.
    public func run(
        seed: UInt64, runs: Int, threads: Int, points: Range<Int>? = nil, sample: ConditionedSample? = nil,
        progress: (Int) -> Void = { _ in }
    ) -> [SimulationSummary] {
        (points ?? scenarios.indices).enumerated().map { done, i in
            var engine = MonteCarlo(scenario: scenarios[i], seed: seed, threads: threads, keep: [])
            engine.sample = sample
            let summary = engine.run(runs: sample?.count ?? runs).summary
            progress(done + 1)
            return summary
        }
    }
}

extension Sweep {
    /// Refuses a sweep whose points act on the months `sample`'s figures fix.
    public func check(against sample: ConditionedSample) throws {
        for scenario in scenarios { try sample.check(scenario) }
    }
}

/// A sweep path that names no number of the scenario, with the closest paths that do.
public struct SweepPathError: Error {
    public let path: String
    public let closest: [String]
}
