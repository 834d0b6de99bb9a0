import PilotModel

/// Draws a run's parameter vector (docs/model.md §2: once per run), each uncertain parameter from its
/// own stream so that its value depends only on (seed, run, its key path — a campaign's name for a
/// campaign's parameters — and its distribution).
final class ParameterDraws {
    private let parameters: [ParameterSpec]
    private let names: [UInt64]
    private let random = RandomSource(key: 0)

    init(_ parameters: [ParameterSpec]) {
        self.parameters = parameters
        names = parameters.map { StreamSeeding.name(of: $0.streamKeyText) }
    }

    /// Fills `values` (one slot per parameter, constants included) for the run with `runKey`.
    func draw(runKey: UInt64, into values: inout [Double]) {
        for i in parameters.indices { values[i] = value(i, runKey: runKey) }
    }

    /// Parameter `i`'s value in the run with `runKey` (as `draw` fills it: its stream alone decides).
    @inline(__always) func value(_ i: Int, runKey: UInt64) -> Double {
        if case .constant(let value) = parameters[i].distribution { return value }
        random.select(key: StreamSeeding.streamKey(runKey: runKey, name: names[i]))
        return parameters[i].draw(random)
    }
}
