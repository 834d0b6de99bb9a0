import Foundation
import TestSupport
import Testing

/// The end-to-end tier's exit codes: the built binary, as a shell runs it, for each kind of
/// input — and the same bytes and status as the in-process harness the other tests use, so that
/// what they check holds for the binary.
struct ExecutableTests {
    @Test func exitCodesAndOutputAreTheHarnesses() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notAPart = dir.appendingPathComponent("part-1-of-1.pilotsim").path
        try "not a part\n".write(toFile: notAPart, atomically: true, encoding: .utf8)
        let cases: [([String], Int32)] = [
            (["run", "--prior", "--runs", "200", "--format", "csv"], 0),
            (["--help"], 0),
            (["run", "--runs", "-5"], 64),
            (["explain", "--prior", "--target", "nope"], 64),
            (["validate", repositoryPath("Tests/Fixtures/broken-target.yaml")], 65),
            (["merge", notAPart, "--out", dir.appendingPathComponent("merged").path], 66),
        ]
        for (arguments, status) in cases {
            let binary = try CommandLineTool.run(arguments)
            #expect(binary.status == status, "\(arguments): \(binary.stderr)")
            let harness = InProcess.run(arguments)
            #expect(harness.status == binary.status && harness.stdout == binary.stdout && harness.stderr == binary.stderr, "\(arguments)")
        }
    }
}
