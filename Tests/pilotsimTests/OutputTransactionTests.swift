import Foundation
import TestSupport
import Testing

/// Output files appear whole or not at all: after a failure or a signal at any moment, the target
/// holds the complete old set or the complete new set, and no temporary file.
struct OutputTransactionTests {
    private static let outputs = ["summary.csv", "joint.csv", "stages.csv", "monthly.csv", "runs.csv", "manifest.json"]

    /// The files of `dir`, hidden ones included, with their contents.
    private func contents(_ dir: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            found[name] = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) ?? Data()
        }
        return found
    }

    private func makeSet(seed: String, runs: String) throws -> (dir: URL, files: [String: Data]) {
        let dir = try CommandLineTool.temporaryDirectory()
        let output = try CommandLineTool.run("run", "--prior", "--runs", runs, "--seed", seed, "--quiet", "--out", dir.path)
        #expect(output.status == 0, "\(output.stderr)")
        return (dir, try contents(dir))
    }

    @Test func aFailedRenameRestoresTheOldSet() throws {
        let (dir, old) = try makeSet(seed: "1", runs: "50")
        defer { try? FileManager.default.removeItem(at: dir) }
        // runs.csv becomes a directory: its rename must fail after the others could succeed.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("runs.csv"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("runs.csv"), withIntermediateDirectories: false)
        var before = old
        before["runs.csv"] = Data()
        let output = try CommandLineTool.run("run", "--prior", "--runs", "60", "--seed", "2", "--quiet", "--out", dir.path)
        #expect(output.status == 1)
        #expect(output.stderr == "error: cannot write the output files in \(dir.path): Is a directory\n")
        #expect(try contents(dir) == before)
    }

    @Test func aReportWhoseSVGDirectoryFailsWritesNothing() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let html = dir.appendingPathComponent("out/report.html")
        let output = try CommandLineTool.run(
            "report", "--prior", "--runs", "50", "--quiet", "--out", html.path, "--svg-dir", blocker.appendingPathComponent("svg").path)
        #expect(output.status == 1)
        #expect(try contents(dir) == ["file": Data("x".utf8)], "neither the HTML nor its directory is left")
    }

    /// SIGINT and SIGTERM at many moments of a run that replaces an old set: each time the
    /// directory holds exactly the old set or exactly the new one, and the process ends at once
    /// without a helper process holding its pipes.
    @Test func signalsAtAnyMomentLeaveTheOldOrTheNewSet() throws {
        let (dir, old) = try makeSet(seed: "1", runs: "50")
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = ["run", "--prior", "--runs", "8000", "--seed", "9", "--quiet", "--out", dir.path]
        // The new set, made once by the same command into the same directory; then the old set back.
        let clock = ContinuousClock()
        var new: [String: Data] = [:]
        let duration = try clock.measure {
            #expect(try CommandLineTool.run(arguments).status == 0)
            new = try contents(dir)
        }
        for name in Self.outputs { try old[name]!.write(to: dir.appendingPathComponent(name)) }
        var outcomes: Set<String> = []
        for (i, fraction) in [0.3, 0.6, 0.75, 0.85, 0.9, 0.95, 0.98, 1.0].enumerated() {
            let process = try CommandLineTool.start(arguments)
            Thread.sleep(
                forTimeInterval: Double(duration.components.seconds) * fraction
                    + Double(duration.components.attoseconds) * 1e-18 * fraction)
            kill(process.processIdentifier, i % 2 == 0 ? SIGINT : SIGTERM)
            let killed = clock.now
            process.waitUntilExit()
            #expect(clock.now - killed < .seconds(2), "the process ends promptly")
            let now = try contents(dir)
            #expect(now == old || now == new, "after a signal at \(fraction) of the run: \(now.keys.sorted())")
            outcomes.insert(now == old ? "old" : "new")
            if now == new {  // put the old set back for the next try
                for name in Self.outputs { try old[name]!.write(to: dir.appendingPathComponent(name)) }
            }
        }
        #expect(outcomes.contains("old"))
    }

    /// A signal in the middle of a long run whose runs.csv is being written: the process ends at
    /// once and leaves nothing — not the file, not the directory it made for it.
    @Test func aSignalDuringALongRunLeavesNothing() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("new")
        for signal in [SIGINT, SIGTERM] {
            let process = try CommandLineTool.start(["run", "--prior", "--runs", "2000000", "--quiet", "--out", out.path])
            // Wait until runs.csv is being written.
            let clock = ContinuousClock(), start = clock.now
            while (try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true, clock.now - start < .seconds(60) {
                Thread.sleep(forTimeInterval: 0.05)
            }
            Thread.sleep(forTimeInterval: 0.3)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal, "ended by the signal")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "nothing is left")
        }
    }
}
