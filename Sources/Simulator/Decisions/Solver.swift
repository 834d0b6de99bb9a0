import PilotModel

/// The value of one scenario number at which a target's P(met) reaches a probability.
///
/// Every value is simulated with the same seed and run indices (common random numbers), so P(met)
/// is a step function of the value, monotone wherever each run's outcome is. The solver evaluates
/// a coarse grid over the range (refusing a curve that turns back by more than its Monte Carlo
/// error), brackets the crossing, and bisects it to the resolution of the value (a whole number for
/// a count). Its interval is the range of values whose P(met) lies within the 95% Monte Carlo
/// half-width of the probability: the values that the simulation cannot tell from the answer.
public struct Solver: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The smallest value (largest, for a falling curve) at which P(met) reaches the probability.
        case solved(value: Double, interval: ClosedRange<Double>, probability: Double)
        /// P(met) does not reach the probability anywhere in the range.
        case unreachable(atLow: Double, atHigh: Double)
        /// P(met) already reaches the probability over the whole range: at its low end on a rising
        /// curve (`bound` = LOW), at its high end on a falling one (`bound` = HIGH). The value that
        /// just reaches it lies beyond the range.
        case alreadyMet(bound: Double, probability: Double)
        /// P(met) turns back over the range by more than its Monte Carlo error.
        case nonMonotone(value: Double, probability: Double, earlier: Double, earlierProbability: Double)
    }

    public let document: ScenarioDocument
    public let overrides: [ScenarioOverride]
    /// The varied number's canonical key path.
    public let path: String
    public let range: ClosedRange<Double>
    public let targetIndex: Int
    public let targetID: String
    public let probability: Double
    /// Whether the value must be a whole number (a count).
    public let wholeNumbers: Bool

    /// - Parameters:
    ///   - range: where to look; `nil` for the default of a parameter (its P0.5–P99.5, or 0 to ten
    ///     times a constant, within its domain) or a target's threshold (0 to ten times it).
    /// - Throws: `SweepPathError` for a path that is no number of the scenario, `SolveError` for an
    ///   unknown target or a count given without a range, `ScenarioValidationError` for values the
    ///   number cannot take.
    public init(
        document: ScenarioDocument, overrides: [ScenarioOverride], path: String, range: ClosedRange<Double>?,
        targetID: String, probability: Double
    ) throws {
        let base = try document.scenario(overrides: overrides)
        guard let canonical = base.canonicalNumericPath(path), base.numericPaths.contains(canonical) else {
            throw SweepPathError(path: path, closest: base.numericPaths(closestTo: path))
        }
        guard let index = base.targets.firstIndex(where: { $0.id == targetID }) else {
            throw SolveError.unknownTarget(targetID, known: base.targets.map(\.id))
        }
        let names = ParameterSpec.keyPaths(naming: canonical)
        let parameter = base.parameters.first { names.contains($0.keyPath) }
        let isThreshold = canonical.hasPrefix("targets.") && canonical.hasSuffix(".at_least")
        if let range {
            self.range = range
        } else if let parameter {
            switch parameter.distribution {
            case .constant(let value):
                self.range = 0...min(parameter.domain.range.upperBound, max(10 * value, parameter.domain == .share ? 1 : 1e-9))
            default:
                self.range = parameter.quantile(0.005)...parameter.quantile(0.995)
            }
        } else if isThreshold {
            self.range = 0...(10 * base.targets.first { canonical == "targets.\($0.id).at_least" }!.threshold)
        } else {
            throw SolveError.rangeNeeded(canonical)
        }
        self.document = document
        self.overrides = overrides
        self.path = canonical
        targetIndex = index
        self.targetID = targetID
        self.probability = probability
        wholeNumbers = parameter == nil && !isThreshold
        // Every value of the range must be a valid scenario: check both ends before anything runs.
        _ = try scenario(at: self.range.lowerBound)
        _ = try scenario(at: self.range.upperBound)
    }

    func scenario(at value: Double) throws -> Scenario {
        try document.scenario(overrides: overrides + [try ScenarioOverride(setting: path, to: value)])
    }

    /// The coarse grid every solve evaluates first, the same whatever the curve: the values
    /// whose P(met) give the direction, a bracket, and the check that the curve does not turn
    /// back. A shard of a solve evaluates some of them (`share(at:…)`).
    public var grid: [Double] {
        (0...8).map { range.lowerBound + Double($0) / 8 * (range.upperBound - range.lowerBound) }
    }

    /// A value as the solver tries it: whole for a count.
    private func value(_ value: Double) -> Double { wholeNumbers ? value.rounded() : value }

    /// P(met) of the target at `value` (a value of `grid`, or any the solver tries), from `runs`
    /// runs with `seed`, on `sample`'s particles when given.
    public func share(at value: Double, seed: UInt64, runs: Int, threads: Int, sample: ConditionedSample? = nil) throws -> Double {
        var engine = MonteCarlo(scenario: try scenario(at: self.value(value)), seed: seed, threads: threads, keep: .targetValues)
        engine.sample = sample
        let result = engine.run(runs: sample?.count ?? runs)
        let target = result.scenario.targets[targetIndex]
        return Double(result.targetValues[targetIndex].filter(target.isMet).count) / Double(result.runs)
    }

    /// Solves; returns the outcome and the runs spent. With `sample`, every value runs on the
    /// conditioned particles (`runs` is then their count). `gridShares`, when given, is P(met) at
    /// each value of `grid` already evaluated with the same seed and runs (by the shards of a
    /// solve); they count among the runs spent as if evaluated here.
    /// - Throws: `ConditionedSample.Refusal` when the path acts on the reported months.
    /// Long because the coarse grid, the bracket and the bisection share the memo of evaluated
    /// points and the tolerance; their order is the algorithm.
    public func run(
        seed: UInt64, runs: Int, threads: Int, sample: ConditionedSample? = nil, gridShares: [Double]? = nil
    ) throws -> (outcome: Outcome, runs: Int) {
        let runs = sample?.count ?? runs
        if let sample {
            try sample.check(try scenario(at: range.lowerBound))
            try sample.check(try scenario(at: range.upperBound))
        }
        var evaluated = Dictionary(zip(grid.map(value), gridShares ?? []), uniquingKeysWith: { first, _ in first })
        func p(_ value: Double) throws -> Double {
            let v = self.value(value)
            if let known = evaluated[v] { return known }
            let share = try share(at: v, seed: seed, runs: runs, threads: threads, sample: sample)
            evaluated[v] = share
            return share
        }
        let halfWidth = Statistics.z95 * (probability * (1 - probability) / Double(runs)).squareRoot()
        let tolerance = max(halfWidth, 1 / Double(runs))

        // A coarse grid: the direction, a bracket, and a check that the curve does not turn back.
        let grid = self.grid
        let values = try grid.map(p)
        let rising = values.last! >= values.first!
        for k in 1..<grid.count {
            let step = values[k] - values[k - 1]
            if (rising ? -step : step) > 2 * tolerance {
                return (
                    .nonMonotone(value: grid[k], probability: values[k], earlier: grid[k - 1], earlierProbability: values[k - 1]),
                    evaluated.count * runs
                )
            }
        }
        let reaches = { (share: Double) in share >= probability }
        if reaches(values.first!) && reaches(values.last!) {
            let bound = rising ? range.lowerBound : range.upperBound
            return (.alreadyMet(bound: bound, probability: try p(bound)), evaluated.count * runs)
        }
        guard reaches(values.first!) != reaches(values.last!) else {
            return (.unreachable(atLow: values.first!, atHigh: values.last!), evaluated.count * runs)
        }

        /// The first value (in the curve's direction) whose P(met) reaches `level`.
        func crossing(_ level: Double) throws -> Double {
            // On a rising curve, P reaches the level from some value up; on a falling one, up to it.
            var outside = rising ? range.lowerBound : range.upperBound, inside = rising ? range.upperBound : range.lowerBound
            if try p(outside) >= level { return outside }
            if try p(inside) < level { return inside }
            let resolution = wholeNumbers ? 1 : (range.upperBound - range.lowerBound) * 1e-4
            while abs(inside - outside) > resolution {
                var middle = (inside + outside) / 2
                if wholeNumbers { middle = middle.rounded(.down) + (rising ? 0 : 1) }
                if middle == inside || middle == outside { break }
                if try p(middle) >= level { inside = middle } else { outside = middle }
            }
            return wholeNumbers ? inside.rounded() : inside
        }
        let value = try crossing(probability)
        let bounds = [try crossing(max(0, probability - halfWidth)), try crossing(min(1, probability + halfWidth))].sorted()
        return (
            .solved(value: value, interval: min(bounds[0], value)...max(bounds[1], value), probability: try p(value)),
            evaluated.count * runs
        )
    }
}

public enum SolveError: Error, Equatable {
    /// No target has this id; the ids there are.
    case unknownTarget(String, known: [String])
    /// A count (a population, a campaign's winners) has no natural range: give one.
    case rangeNeeded(String)
}
