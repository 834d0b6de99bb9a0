import Dispatch
import Foundation
import PilotModel
import PilotWorkflow
import Simulator
import Synchronization
import Testing

@testable import PilotServer

/// Work in the background gives way to first answers: it waits between blocks of runs while
/// the simulation queue runs anything.
@Suite struct BackgroundWorkTests {
    /// `simulating` is entered for exactly as long as a queued simulation runs.
    @Test func theQueueSaysWhileItSimulates() async throws {
        let queue = SimulationQueue(slots: 1, waiting: 0, threads: 1)
        #expect(queue.simulating.wait(timeout: .now()) == .success)
        let finish = DispatchSemaphore(value: 0)
        let answer = Task {
            try await queue.run { _ in
                finish.wait()
                return 7
            }
        }
        // The queue takes its slot and enters `simulating` in one step of the actor.
        while !(await queue.isSaturated) { try await Task.sleep(for: .milliseconds(5)) }
        // A waiter is held as long as the simulation runs (here until it is told to finish).
        #expect(queue.simulating.wait(timeout: .now() + .milliseconds(200)) == .timedOut)
        finish.signal()
        #expect(try await answer.value == 7)
        #expect(queue.simulating.wait(timeout: .now() + .seconds(60)) == .success)
    }

    /// A desk answer calls `betweenBlocks` after every block of runs of both plans — the places
    /// where a refinement waits — and its numbers do not depend on the waiting.
    @Test func anAnswerPausesBetweenBlocksOfRuns() throws {
        let document = try ScenarioDocument.baseline()
        let runs = 3 * MonteCarlo.blockRuns
        let pauses = Mutex(0)
        let paused = try DeskAnswer.compute(
            document: document, overrides: [], arguments: [], figures: nil, runs: runs, seed: 11, threads: 1, cache: DeskCache()
        ) {
            pauses.withLock { $0 += 1 }
            Thread.sleep(forTimeInterval: 0.01)
        }
        // Three blocks of A, then three of B.
        #expect(pauses.withLock { $0 } >= 6)
        let straight = try DeskAnswer.compute(
            document: document, overrides: [], arguments: [], figures: nil, runs: runs, seed: 11, threads: 2, cache: DeskCache())
        #expect(paused.resultB.targetValues == straight.resultB.targetValues)
        #expect(paused.comparison.matched.map { [$0.both, $0.onlyA, $0.onlyB] } == straight.comparison.matched.map { [$0.both, $0.onlyA, $0.onlyB] })
    }
}
