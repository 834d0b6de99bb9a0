import Foundation
import TestSupport
import Testing

/// `report --from DIR`: the report of results already simulated, read back from `run --out` or
/// `merge`, checked against the report and the table of one process with the same seed and runs.
@Suite struct ReportFromTests {
    /// Lines that name when and how a report was made: its date and its command line.
    private static func withoutDateAndCommand(_ page: String) -> String {
        page.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("UTC") && !$0.contains("<code>pilotsim ") }.joined(separator: "\n")
    }

    /// Three shards merged, then `report --from`, equal byte for byte (apart from the date and
    /// the command line) the report of one process, in Chinese with the explanation; the table
    /// it prints is `run`'s for the same seed and runs.
    @Test func reportFromMergedEqualsOneProcess() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = repositoryPath("Tests/Fixtures/golden/small.yaml"), parts = dir.appendingPathComponent("parts").path
        for i in 1...3 {
            let shard = InProcess.run(["run", small, "--runs", "900", "--seed", "7", "--shard", "\(i)/3", "--out", parts, "--quiet"])
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        let merged = dir.appendingPathComponent("merged").path
        #expect(InProcess.run(["merge"] + (1...3).map { "\(parts)/part-\($0)-of-3.pilotsim" } + ["--out", merged]).status == 0)
        let one = dir.appendingPathComponent("one.html").path, from = dir.appendingPathComponent("from.html").path
        let direct = InProcess.run(["report", small, "--runs", "900", "--seed", "7", "--lang", "zh", "--explain", "--out", one, "--quiet"])
        #expect(direct.status == 0, "\(direct.stderr)")
        let drawn = InProcess.run(["report", "--from", merged, small, "--lang", "zh", "--explain", "--out", from])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let a = Self.withoutDateAndCommand(try String(contentsOfFile: one, encoding: .utf8))
        let b = Self.withoutDateAndCommand(try String(contentsOfFile: from, encoding: .utf8))
        #expect(a == b)
        #expect(a.count > 10_000 && a.contains("<svg"))
        let table = InProcess.run(["run", small, "--runs", "900", "--seed", "7", "--lang", "zh"])
        #expect(drawn.stdout == table.stdout + from + "\n")
    }

    /// joint.csv's "all" row is the share of runs.csv's runs in which every target is met,
    /// counted here from each run's values and the scenario's thresholds.
    @Test func jointProbabilityIsTheShareOfRunsMeetingEveryTarget() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = repositoryPath("Tests/Fixtures/golden/small.yaml")
        #expect(InProcess.run(["run", small, "--runs", "500", "--out", dir.path, "--quiet"]).status == 0)
        let runs = parseCSV(try String(contentsOfFile: dir.appendingPathComponent("runs.csv").path, encoding: .utf8))
        let thresholds = ["value:wallets": 1500.0, "value:amount": 5e6, "value:merchants": 120, "value:zones": 1]
        let columns = thresholds.keys.map { runs[0].firstIndex(of: $0)! }
        let met = runs.dropFirst().filter { row in columns.allSatisfy { Double(row[$0])! >= thresholds[runs[0][$0]]! } }.count
        let joint = parseCSV(try String(contentsOfFile: dir.appendingPathComponent("joint.csv").path, encoding: .utf8))
        let all = try #require(joint.first { $0[0] == "all" })
        #expect(all[1] == "wallets amount merchants zones")
        #expect(Double(all[2])! == Double(met) / 500)
    }

    /// What `--from` refuses: a simulation's options (exit 64), another scenario's results, a
    /// damaged table and a missing directory (exit 66, naming the file and line).
    @Test func refusals() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = repositoryPath("Tests/Fixtures/golden/small.yaml"), out = dir.appendingPathComponent("r").path
        #expect(InProcess.run(["run", small, "--runs", "200", "--out", out, "--quiet"]).status == 0)
        for option in [["--runs", "5"], ["--seed", "3"], ["--set", "merchants.churn=0.02"], ["--tornado"], ["--prior"]] {
            let refused = InProcess.run(["report", "--from", out, small] + option)
            #expect(refused.status == 64 && refused.stderr.contains("--from draws on results already simulated"), "\(option)")
        }
        let other = InProcess.run(["report", "--from", out, "--out", dir.appendingPathComponent("x.html").path])
        #expect(other.status == 66 && other.stderr.contains("\(out)/manifest.json:0: error: the results are of the scenario \(small)"))
        let summary = out + "/summary.csv"
        var lines = try String(contentsOfFile: summary, encoding: .utf8).components(separatedBy: "\r\n")
        lines[2] = lines[2].replacingOccurrences(of: ",likely", with: ",unlikely").replacingOccurrences(of: ",uncertain", with: ",likely")
        try lines.joined(separator: "\r\n").write(toFile: summary, atomically: true, encoding: .utf8)
        let damaged = InProcess.run(["report", "--from", out, small, "--out", dir.appendingPathComponent("y.html").path])
        #expect(damaged.status == 66 && damaged.stderr.hasPrefix("\(summary):3: error: verdict "), "\(damaged.stderr)")
        let missing = InProcess.run(["report", "--from", dir.appendingPathComponent("none").path, small])
        #expect(missing.status == 66 && missing.stderr.contains("none/manifest.json:0: error: no such file"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("y.html").path), "nothing written")
    }
}
