import Dispatch
import Foundation

/// A bounded queue of simulations: `slots` run at once, each on a thread of its own outside
/// the server's event loops, and at most `waiting` wait for a slot; a request beyond that is
/// told at once that the desk is busy (`Busy`) rather than left hanging.
actor SimulationQueue {
    struct Busy: Error {}

    private let slots: Int, waiting: Int
    /// Worker threads a simulation that starts alone takes.
    private let threads: Int
    private var running = 0
    private var queue: [CheckedContinuation<Void, Never>] = []
    /// Entered by each simulation while it runs: `simulating.wait()` returns once none does.
    /// Work in the background (`DeskRefinements`) waits on it between blocks of runs.
    nonisolated let simulating = DispatchGroup()

    init(slots: Int, waiting: Int, threads: Int) { (self.slots, self.waiting, self.threads) = (max(1, slots), max(0, waiting), max(1, threads)) }

    /// Whether every slot is taken: the processors are busy with first answers.
    var isSaturated: Bool { running >= slots }

    /// `work`'s result, once a slot is free; `Busy` when every slot and waiting place is taken.
    /// `work` is told the worker threads its simulation takes: `threads` when it starts alone;
    /// beside others one — they already keep the processors busy, and a simulation's threads
    /// wait for each other at the end of every block of runs.
    func run<T: Sendable>(_ work: @escaping @Sendable (_ threads: Int) throws -> T) async throws -> T {
        if running >= slots {
            guard queue.count < waiting else { throw Busy() }
            await withCheckedContinuation { queue.append($0) }
        } else {
            running += 1
        }
        defer { release() }
        let threads = running == 1 ? threads : 1
        simulating.enter()
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let result = Result { try work(threads) }
                self.simulating.leave()
                continuation.resume(with: result)
            }
        }
    }

    /// Hands the slot to the first waiting request, or frees it.
    private func release() {
        if queue.isEmpty { running -= 1 } else { queue.removeFirst().resume() }
    }
}
