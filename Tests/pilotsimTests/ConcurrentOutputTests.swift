import Foundation
import TestSupport
import Testing

/// Output directories shared by processes: two writers never leave a mixture, a killed writer's
/// temporary file is removed by the next one, and a full disk is named as such.
@Suite(.serialized) struct ConcurrentOutputTests {
    private static let outputs = ["summary.csv", "joint.csv", "stages.csv", "monthly.csv", "runs.csv"]

    private func files(_ dir: URL) -> [Data?] {
        Self.outputs.map { FileManager.default.contents(atPath: dir.appendingPathComponent($0).path) }
    }

    /// Two processes with different seeds write one new `--out` at once, 50 times: both succeed
    /// (both may try to make the directory: 13 of 40 tries failed with "File exists" before
    /// that race was handled) and the directory holds exactly one process's set each time
    /// (before the lock, 2 of 80 tries were mixed).
    @Test func twoProcessesOnOneOutNeverMix() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func arguments(_ seed: Int, _ out: URL) -> [String] { ["run", "--prior", "--runs", "200", "--seed", String(seed), "--quiet", "--out", out.path] }
        var references: [[Data?]] = []
        for seed in [1, 2] {
            let out = dir.appendingPathComponent("reference-\(seed)")
            #expect(try CommandLineTool.run(arguments(seed, out)).status == 0)
            references.append(files(out))
        }
        for i in 0..<50 {
            let shared = dir.appendingPathComponent("shared-\(i)")
            let processes = try [1, 2].map { try CommandLineTool.start(arguments($0, shared)) }
            processes.forEach { $0.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            let found = files(shared)
            #expect(references.contains(found), "a mixed set")
            let hidden = try FileManager.default.contentsOfDirectory(atPath: shared.path).filter { $0.hasPrefix(".") }
            #expect(hidden == [".pilotsim.lock"])
        }
    }

    /// A run killed with SIGKILL while it streams runs.csv leaves its temporary file; the next run
    /// into that directory removes it.
    @Test func aKilledRunsLeftoverIsRemovedByTheNextRun() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let process = try CommandLineTool.start(["run", "--prior", "--runs", "1000000", "--quiet", "--out", out.path, "--threads", "1"])
        func temporaries() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0.hasSuffix(".tmp") }
        }
        let deadline = Date().addingTimeInterval(60)
        while temporaries().isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(temporaries().count == 1)
        #expect(try CommandLineTool.run("run", "--prior", "--runs", "50", "--quiet", "--out", out.path).status == 0)
        #expect(temporaries().isEmpty)
    }

    /// On a full file system (a 1 MiB tmpfs, mounted when the tests run as root) a run into a
    /// fresh directory fails with "No space left on device" and leaves nothing.
    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root")) func aFullDiskIsNamed() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir.path]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { return }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [dir.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        let out = dir.appendingPathComponent("fresh").path
        let output = try CommandLineTool.run("run", "--prior", "--runs", "20000", "--quiet", "--out", out)
        #expect(output.status == 1)
        #expect(output.stderr == "error: cannot write the output files in \(out): No space left on device\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
