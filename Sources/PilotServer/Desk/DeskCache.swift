import PilotModel
import PilotReport
import PilotWorkflow
import Simulator
import Synchronization

/// What the desk keeps between pages: the work that depends on nothing a lever changes.
final class DeskCache: Sendable {
    /// Conditioned samples, by scenario text, figures, seed and particles: a conditioning takes
    /// seconds.
    let conditionings = KeptValues<Conditioning.Result>(capacity: 16)
    /// The plan as it stands (A), by scenario text, seed, runs and figures: every change to one
    /// plan is compared with the same A. At most 16 × 100,000 runs × 8 bytes per target.
    let plans = KeptValues<SimulationResult>(capacity: 16)
    /// Answers, by scenario text, changes, figures, seed and runs: the same page asked again —
    /// in the other language, as a download, by its permalink, or as the page a refinement that
    /// had to wait falls back to — is not simulated again. At most 16 (8 bytes per run and
    /// target of the changed plan each).
    let answers = KeptValues<DeskAnswer>(capacity: 16)

    /// `document`'s scenario conditioned on `figures` with `particles` particles, drawn once while
    /// kept.
    /// - Throws: `ScenarioValidationError`, `AnalysisError.particlesOutOfRange`.
    func conditioning(_ document: ScenarioDocument, on figures: ReportedFigures, particles: Int, execution: Execution) throws -> Conditioning.Result {
        try conditionings.value(for: "\(ContentDigest.hex(document.text.utf8)) \(figures.sha256) \(execution.seed) \(particles)") {
            try Analyses.Condition(scenario: try document.scenario(), figures: figures, particles: particles).run(execution)
        }
    }
}

/// Values computed once and kept, by key: at most `capacity` of them; one more empties the store.
/// Two pages that ask for the same missing value at once both compute it (the same value).
final class KeptValues<Value: Sendable>: Sendable {
    private let values = Mutex<[String: Value]>([:])
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The value kept for `key`, if any.
    func kept(_ key: String) -> Value? { values.withLock { $0[key] } }

    /// The value kept for `key`, or the one `compute` gives, then kept.
    func value(for key: String, compute: () throws -> Value) rethrows -> Value {
        if let known = kept(key) { return known }
        let value = try compute()
        values.withLock { kept in
            if kept.count >= capacity { kept.removeAll() }
            kept[key] = value
        }
        return value
    }
}
