import Foundation
import Synchronization

/// Answers refined with more runs in the background: one at a time, on one thread whose work
/// pauses between blocks of runs while a first answer is being simulated (the desk passes it
/// `SimulationQueue.simulating`), so that it takes only the processor time first answers leave
/// (a refinement is ten times a first answer's work). A lower scheduling priority did worse: a
/// thread at nice 19 that holds a lock first answers also take (the kept answers', the
/// allocator's, the kernel's) keeps them waiting while it gets 1.5% of a processor, and under
/// `make bench` it slowed them more than it spared them. No request waits for a refinement: the
/// page that asks shows the answer it refines and asks again every few seconds, until the refined
/// answer is kept (`DeskCache.answers`). A refinement no page has asked about for `patience` is
/// dropped before it starts — its page has moved on.
final class DeskRefinements: Sendable {
    /// What became of a refinement asked for.
    enum Asked: Equatable {
        /// Running, or waiting for the one before it.
        case underway
        /// Every waiting place is taken, or it failed before: the page keeps its answer.
        case postponed
    }

    private struct Job {
        let key: String
        let work: @Sendable () throws -> Void
        var lastAsked: ContinuousClock.Instant
    }

    private struct State {
        var running: String?
        var waiting: [Job] = []
        /// Refinements that failed (a scenario that cannot take the runs): not tried again.
        var failed: Set<String> = []
    }

    private let state = Mutex(State())
    /// The most failed refinements remembered.
    private static let failuresKept = 256
    let waitingPlaces: Int
    let patience: Duration

    init(waitingPlaces: Int, patience: Duration = .seconds(15)) {
        (self.waitingPlaces, self.patience) = (waitingPlaces, patience)
    }

    /// Asks for the refinement `key`, which `work` computes and keeps where the page finds it; a
    /// new one only when `admitting` (the desk has time to spare).
    func ask(_ key: String, admitting: Bool, work: @escaping @Sendable () throws -> Void) -> Asked {
        let now = ContinuousClock.now
        let (asked, start): (Asked, Job?) = state.withLock { state in
            if state.failed.contains(key) { return (.postponed, nil) }
            if state.running == key { return (.underway, nil) }
            if let i = state.waiting.firstIndex(where: { $0.key == key }) {
                state.waiting[i].lastAsked = now
                return (.underway, nil)
            }
            guard admitting, state.waiting.count < waitingPlaces else { return (.postponed, nil) }
            state.waiting.append(Job(key: key, work: work, lastAsked: now))
            return (.underway, state.running == nil ? next(&state, now: now) : nil)
        }
        start.map(run)
        return asked
    }

    /// The next job to run (its key then running), skipping those no page asked about lately.
    private func next(_ state: inout State, now: ContinuousClock.Instant) -> Job? {
        state.waiting.removeAll { now - $0.lastAsked > patience }
        guard !state.waiting.isEmpty else { return nil }
        let job = state.waiting.removeFirst()
        state.running = job.key
        return job
    }

    private func run(_ job: Job) {
        Thread.detachNewThread {
            let failed = (try? job.work()) == nil
            let following = self.state.withLock { state in
                if failed {
                    if state.failed.count >= Self.failuresKept { state.failed.removeAll() }
                    state.failed.insert(job.key)
                }
                state.running = nil
                return self.next(&state, now: .now)
            }
            following.map(self.run)
        }
    }
}
