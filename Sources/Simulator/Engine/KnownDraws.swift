import PilotModel

/// The drawn parameter values of another plan's runs, taken instead of drawing again the
/// parameters a change leaves alone. A parameter's value depends only on the seed, the run, its
/// stream key and its distribution (docs/model.md §6), so a value taken is the one a draw would
/// give: the simulation's result is the same to the bit, without most of its draws (a seventh of
/// a what-if's work on the baseline).
struct KnownDraws {
    /// For each parameter of the scenario: the column of its values in `values`, or nil to draw it.
    private let columns: [Int?]
    private let width: Int
    private let values: [Double]
    /// Runs whose values are known: those of run indices `0..<runs`.
    let runs: Int
    /// Whether the correlated parameters' values are taken too: the same correlations of the same
    /// parameters give the same Iman–Conover blocks.
    let correlated: Bool

    /// The draws of `known` usable for `scenario`'s runs with `seed`; nil when it kept none, or
    /// its seed is another.
    init?(_ known: SimulationResult, for scenario: Scenario, seed: UInt64) {
        guard known.seed == seed, !known.uncertainParameters.isEmpty, known.parameterValues.count == known.runs * known.uncertainParameters.count
        else { return nil }
        let other = known.scenario
        let (mine, theirs) = (scenario.activeCorrelations, other.activeCorrelations)
        let correlated =
            mine.count == theirs.count
            && zip(mine, theirs).allSatisfy { a, b in
                a.normalScoreCorrelation == b.normalScoreCorrelation
                    && Self.drawsAlike(scenario.parameters[a.first.index], other.parameters[b.first.index])
                    && Self.drawsAlike(scenario.parameters[a.second.index], other.parameters[b.second.index])
            }
        // The other plan's correlated parameters hold its Iman–Conover values, not their own
        // draws: taken only with the same correlations.
        let reordered = correlated ? [] : Set(theirs.flatMap { [$0.first.index, $0.second.index] })
        var columnOfStream: [String: Int] = [:]
        for (column, i) in known.uncertainParameters.enumerated() where !reordered.contains(i) {
            columnOfStream[other.parameters[i].streamKeyText] = column
        }
        columns = scenario.parameters.map { spec in
            guard spec.distribution.isUncertain, let column = columnOfStream[spec.streamKeyText] else { return nil }
            return Self.drawsAlike(spec, other.parameters[known.uncertainParameters[column]]) ? column : nil
        }
        (width, values, runs, self.correlated) = (known.uncertainParameters.count, known.parameterValues, known.runs, correlated)
    }

    /// Whether two parameters' draws are the same: the same stream, distribution and domain.
    private static func drawsAlike(_ a: ParameterSpec, _ b: ParameterSpec) -> Bool {
        a.streamKeyText == b.streamKeyText && a.distribution == b.distribution && a.domain == b.domain
    }

    /// Fills `values` for run `run` (< `runs`): the known values, and `draws`' for the others.
    func fill(run: Int, runKey: UInt64, draws: ParameterDraws, into values: inout [Double]) {
        for i in columns.indices {
            if let column = columns[i] { values[i] = self.values[run * width + column] } else { values[i] = draws.value(i, runKey: runKey) }
        }
    }
}
