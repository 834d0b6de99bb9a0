import Foundation
import TestSupport
import Testing

/// A simulation's memory does not grow with its runs beyond the documented cost (README, "Memory").
struct BoundedMemoryTests {
    /// `run --runs 2000000 --out` on a two-month scenario (cheap runs, so that the test is quick
    /// even in a debug build): the outputs of every run are written, and the peak resident memory
    /// stays under 150 MB (about 32 MB in a debug build). Keeping every month of every run, as
    /// pilotsim 0.5.0 did, peaked at 585 MB on this command (release build, /usr/bin/time).
    @Test func twoMillionRunsWithOutStayUnderTheBound() throws {
        let directory = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = directory.appendingPathComponent("two-months.yaml").path
        let text = ScenarioText.replacing(
            "end:", with: "end: 2023-02",
            in: ScenarioText.replacing("- {id: w", with: "- {id: w, metric: wallets, by: 2023-02, at_least: 100}"))
        try text.write(toFile: scenario, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out").path
        let (status, peak) = try CommandLineTool.runMeasuringPeakMemory("run", scenario, "--runs", "2000000", "--out", out, "--quiet", "--threads", "2")
        #expect(status == 0)
        #expect(peak > 0 && peak < 150 << 20, "peak resident memory \(peak >> 20) MB")
        let lines = try String(contentsOfFile: out + "/runs.csv", encoding: .utf8).split(separator: "\r\n")
        #expect(lines.count == 2_000_001 && lines.last!.hasPrefix("1999999,"))
    }
}
