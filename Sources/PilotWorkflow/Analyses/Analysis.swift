import PilotModel
import Simulator

/// The analyses pilotsim runs, each a value: its inputs are its stored properties, `run` gives
/// its result. Every front end (the command line, a server) makes these values and formats what
/// they return; none runs the simulator in its own way.
public enum Analyses {
    /// The runs an analysis takes at a point or setting: 10 million runs of the baseline take
    /// minutes on 2 cores, and a count beyond would hold more than memory allows.
    public static let runRange = 1...10_000_000
}

/// An analysis defined once: its inputs (the conforming value), and its result for a seed,
/// threads and a progress observer. Analyses whose work divides into units shards can do apart
/// also conform to `ShardableAnalysis`.
public protocol Analysis {
    associatedtype Result
    func run(_ execution: Execution) throws -> Result
}

/// What an analysis runs with besides its inputs.
public struct Execution: Sendable {
    /// Called with the work done and the work in all (runs, points, settings or design rows, as
    /// the analysis counts it), from one thread at a time.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public let seed: UInt64
    /// Worker threads; results do not depend on them.
    public let threads: Int
    /// The front end's progress observer.
    public let progress: Progress

    public init(seed: UInt64, threads: Int, progress: @escaping Progress = { _, _ in }) {
        (self.seed, self.threads, self.progress) = (seed, threads, progress)
    }
}

/// Inputs an analysis cannot take, found once the scenario is known; each front end words them
/// in its own terms (an option, a form field).
public enum AnalysisError: Error, Equatable, CustomStringConvertible {
    /// A target id the scenario has no target of.
    case unknownTarget(String, known: [String])
    /// Particles for conditioning outside `Analyses.Condition.particleRange`.
    case particlesOutOfRange(Int)
    /// Inputs outside what the analysis takes (as a part's header may record them), described.
    case inputs(String)

    public var description: String {
        switch self {
        case .unknownTarget(let id, let known): "no target '\(id)'; expected one of \(known.joined(separator: ", "))"
        case .particlesOutOfRange(let particles):
            "\(particles) particles; expected \(Analyses.Condition.particleRange.lowerBound) to \(Analyses.Condition.particleRange.upperBound)"
        case .inputs(let problem): "expected \(problem)"
        }
    }
}
