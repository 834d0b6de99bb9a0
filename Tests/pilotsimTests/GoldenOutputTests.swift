import Foundation
import TestSupport
import Testing

/// summary.csv and monthly.csv of a small scenario that uses every model step, every distribution
/// family and a correlation, at a fixed seed, pinned in Tests/Fixtures/golden (`make golden`).
struct GoldenOutputTests {
    @Test func smallScenarioOutputsArePinned() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = InProcess.run(
            "run", repositoryPath("Tests/Fixtures/golden/small.yaml"), "--runs", "2000",
            "--seed", "42", "--threads", "2", "--quiet", "--out", dir.path)
        #expect(output.status == 0, "\(output.stderr)")
        for name in ["summary.csv", "monthly.csv"] {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let mismatch = Golden.mismatch(text, file: "small-\(name)")
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }
}
