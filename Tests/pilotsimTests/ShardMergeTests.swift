import Foundation
import TestSupport
import Testing

/// `run --shard I/N` and `merge`: the merged outputs are byte for byte those of one process, and
/// parts that do not belong together are refused with nothing written.
@Suite(.serialized) struct ShardMergeTests {
    private func shards(_ dir: URL, _ extra: [String], runs: Int, count: Int, seed: String = "7") -> [String] {
        (1...count).map { i in
            let output = InProcess.run(
                ["run"] + extra + [
                    "--runs", String(runs), "--seed", seed, "--shard", "\(i)/\(count)",
                    "--out", dir.appendingPathComponent("parts-\(seed)").path, "--quiet",
                ])
            #expect(output.status == 0, "\(output.stderr)")
            return dir.appendingPathComponent("parts-\(seed)/part-\(i)-of-\(count).pilotsim").path
        }
    }

    /// The small golden scenario (with a correlation: its Iman–Conover blocks of 1,000 runs cross
    /// the shard boundaries at 833 and 1,666) in 3 shards, and 5 runs in 7 shards (two empty).
    @Test(arguments: [(2500, 3), (5, 7)])
    func mergedEqualsOneProcess(runs: Int, count: Int) throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = [repositoryPath("Tests/Fixtures/golden/small.yaml")]
        let parts = shards(dir, scenario, runs: runs, count: count)
        let merged = InProcess.run(["merge"] + parts.reversed() + ["--out", dir.appendingPathComponent("merged").path])
        #expect(merged.status == 0, "\(merged.stderr)")
        let single = InProcess.run(
            ["run"] + scenario + ["--runs", String(runs), "--seed", "7", "--out", dir.appendingPathComponent("single").path, "--quiet"])
        #expect(single.status == 0)
        for name in ["summary.csv", "joint.csv", "stages.csv", "monthly.csv", "runs.csv"] {
            let a = FileManager.default.contents(atPath: dir.appendingPathComponent("merged/\(name)").path)
            #expect(a != nil && a == FileManager.default.contents(atPath: dir.appendingPathComponent("single/\(name)").path), "\(name)")
        }
    }

    @Test func partsThatDoNotBelongTogetherAreRefused() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let parts = shards(dir, ["--prior"], runs: 300, count: 3)
        let other = shards(dir, ["--prior"], runs: 300, count: 3, seed: "8")
        let out = dir.appendingPathComponent("merged").path
        let truncated = dir.appendingPathComponent("truncated.pilotsim").path
        let data = try Data(contentsOf: URL(fileURLWithPath: parts[2]))
        try data.prefix(data.count - 100).write(to: URL(fileURLWithPath: truncated))
        // The last number of the last record (before "\npilotsim-part-end\n" and the chunk's digest) made NaN.
        let poisoned = dir.appendingPathComponent("nan.pilotsim").path
        var nan = data
        let last = data.count - 19 - 32
        nan.replaceSubrange((last - 8)..<last, with: withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) { Data($0) })
        try nan.write(to: URL(fileURLWithPath: poisoned))
        var newlines = 0
        let payloadStart =
            data.firstIndex { byte in
                if byte == UInt8(ascii: "\n") { newlines += 1 }
                return newlines == 3
            }! + 1
        // One of 100,000 shards: the other 99,999 are listed as one range.
        let many = InProcess.run([
            "run", "--prior", "--runs", "1", "--shard", "1/100000", "--out", dir.appendingPathComponent("many").path, "--quiet",
        ])
        #expect(many.status == 0)
        let manyPath = dir.appendingPathComponent("many/part-1-of-100000.pilotsim").path
        let cases: [([String], String)] = [
            (
                [parts[0], parts[1], other[2]],
                "\(other[2]):0: error: this part is of another simulation than \(parts[0]): seed 8, not 7; expected the shards of one run"
            ),
            ([parts[0], parts[1]], "\(parts[0]):0: error: shard 3 of 3 missing; expected all 3 part files"),
            ([parts[0], parts[1], parts[1], parts[2]], "\(parts[1]):0: error: shard 2 of 3 is given twice (also \(parts[1])); expected each shard once"),
            ([parts[0], parts[1], truncated], "\(truncated):\(data.count - 100): error: the file is \(data.count - 100) bytes; its header says \(data.count)"),
            ([parts[0], parts[1], poisoned], "\(poisoned):\(payloadStart): error: runs 200–299 do not match their SHA-256"),
            ([manyPath], "\(manyPath):0: error: shards 2–100000 of 100000 missing (99,999); expected all 100000 part files"),
        ]
        for (files, message) in cases {
            let output = InProcess.run(["merge"] + files + ["--out", out])
            #expect(output.status == 66, "\(files)")
            #expect(output.stderr.hasPrefix(message), "\(output.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    /// Runs `arguments` as `count` shards into one directory, merges them, and checks the merged
    /// `file` against the `--out FILE` of one process.
    private func expectShardsMergeToTheSameFile(_ arguments: [String], count: Int, file: String, beforeMerging: () throws -> Void = {}) throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 1...count {
            let output = InProcess.run(arguments + ["--shard", "\(i)/\(count)", "--out", dir.appendingPathComponent("parts").path])
            #expect(output.status == 0, "\(output.stderr)")
        }
        let parts = (1...count).map { dir.appendingPathComponent("parts/part-\($0)-of-\(count).pilotsim").path }
        #expect(InProcess.run(arguments + ["--out", dir.appendingPathComponent("single.csv").path]).status == 0)
        try beforeMerging()
        #expect(InProcess.run(["merge"] + parts.shuffled() + ["--out", dir.appendingPathComponent("merged").path]).status == 0)
        let merged = FileManager.default.contents(atPath: dir.appendingPathComponent("merged/\(file)").path)
        #expect(merged != nil && merged == FileManager.default.contents(atPath: dir.appendingPathComponent("single.csv").path), "\(arguments)")
    }

    /// A sweep of 5 points in 3 shards (points 0, 1–2, 3–4) merges to the long CSV of one process.
    @Test func sweepShardsMergeToTheSameCSV() throws {
        try expectShardsMergeToTheSameFile(
            ["sweep", "--prior", "--vary", "merchants.outreach.launch=0.01:0.05:5", "--runs", "300", "--quiet"],
            count: 3, file: "sweep.csv")
    }

    /// A tornado over the small scenario's uncertain parameters in 4 shards (blocks of parameters)
    /// merges to the CSV of one process: the same bars, sorted by swing the same way.
    @Test func tornadoShardsMergeToTheSameCSV() throws {
        try expectShardsMergeToTheSameFile(
            ["tornado", repositoryPath("Tests/Fixtures/golden/small.yaml"), "--runs", "200", "--quiet"],
            count: 4, file: "tornado.csv")
    }

    /// A comparison of two files with a B-only change, its runs in 3 shards: plan B's file
    /// travels in the parts, so the merge gives the CSV of one process after the file is gone.
    @Test func compareShardsMergeWithoutPlanBsFile() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let b = dir.appendingPathComponent("optimistic.yaml")
        try FileManager.default.copyItem(atPath: repositoryPath("scenarios/haimen-optimistic.yaml"), toPath: b.path)
        try expectShardsMergeToTheSameFile(
            ["compare", "--prior", repositoryPath("scenarios/haimen-baseline.yaml"), b.path, "--b-set", "merchants.churn=0.03", "--runs", "500", "--quiet"],
            count: 3, file: "compare.csv"
        ) { try FileManager.default.removeItem(at: b) }
    }

    /// A solve's 9 grid values in 4 shards; the merge brackets and bisects as one process does.
    @Test func solveShardsMergeToTheSameCSV() throws {
        try expectShardsMergeToTheSameFile(
            [
                "solve", "--prior", "--set", "merchants.outreach[launch]=0.05", "--target", "wallets-2025h1", "--probability", "0.985", "--vary",
                "campaigns[2].winners=0:80000", "--runs", "300", "--seed", "3", "--quiet",
            ], count: 4, file: "solve.csv")
    }

    @Test func explainShardsMergeToTheSameCSV() throws {
        try expectShardsMergeToTheSameFile(
            ["explain", "--prior", "--target", "merchants-2023", "--runs", "600", "--quiet"], count: 2, file: "explain.csv")
    }

    /// A conditioning's 4 populations in 3 shards (2, 1, 1): every file of the merge is the one
    /// of `condition --out` in one process, and the manifest counts particles, not populations.
    @Test func conditionShardsMergeToTheSameFiles() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = ["condition", "--observed", repositoryPath("docs/examples/haimen-2023-08.csv"), "--particles", "200", "--quiet"]
        for i in 1...3 {
            let output = InProcess.run(arguments + ["--shard", "\(i)/3", "--out", dir.appendingPathComponent("parts").path])
            #expect(output.status == 0, "\(output.stderr)")
        }
        let parts = (1...3).map { dir.appendingPathComponent("parts/part-\($0)-of-3.pilotsim").path }
        #expect(InProcess.run(["merge"] + parts + ["--out", dir.appendingPathComponent("merged").path]).status == 0)
        #expect(InProcess.run(arguments + ["--out", dir.appendingPathComponent("single").path]).status == 0)
        for file in ["summary.csv", "monthly.csv", "posterior.csv", "particles.csv", "observations.csv", "diagnostics.csv", "chains.csv"] {
            let merged = FileManager.default.contents(atPath: dir.appendingPathComponent("merged/\(file)").path)
            #expect(merged != nil && merged == FileManager.default.contents(atPath: dir.appendingPathComponent("single/\(file)").path), "\(file)")
        }
        let manifest = try String(contentsOf: dir.appendingPathComponent("merged/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"runs\" : 200") && manifest.contains("\"observed\" : "))
    }

    /// A Sobol analysis whose 57 × 100 design rows are split over 3 shards merges to the CSV of one
    /// process (the same values at every row, the same bootstrap).
    @Test func sobolShardsMergeToTheSameCSV() throws {
        try expectShardsMergeToTheSameFile(["sobol", "--prior", "--samples", "100", "--quiet"], count: 3, file: "sobol.csv")
    }
}
