import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct SweepCommandTests {
    /// Every row of the sweep CSV for a point equals `run --set` at that point with the same seed.
    @Test func pointsEqualPlainRunsWithSet() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("sweep.csv").path
        let sweep = InProcess.run(
            "sweep", "--prior", "--vary", "merchants.outreach.launch=0.02,0.06", "--vary", "targets[1].at_least=1e8,3e8",
            "--runs", "300", "--seed", "9", "--out", csv)
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let rows = parseCSV(try String(contentsOfFile: csv, encoding: .utf8))
        #expect(
            rows[0] == [
                "point", "merchants.outreach.launch", "targets.amount-2023.at_least", "target_id", "p_met", "ci_low", "ci_high",
                "median", "p05", "p95",
            ])
        #expect(rows.count == 1 + 4 * 9)

        let point3 = rows.dropFirst().filter { $0[0] == "3" }
        #expect(point3.first?[1] == "0.06" && point3.first?[2] == "300000000")
        let run = InProcess.run(
            "run", "--prior", "--runs", "300", "--seed", "9", "--format", "csv",
            "--set", "merchants.outreach.launch=0.06", "--set", "targets.amount-2023.at_least=3e8")
        let plain = parseCSV(run.stdout).dropFirst()
        // summary.csv: target_id … p_met(6) ci_low ci_high median p05 p95(11); sweep: target_id(3) p_met(4) … p95(9).
        #expect(point3.map { Array($0[3...9]) } == plain.map { [$0[0]] + Array($0[6...11]) })
    }

    @Test func tableAndErrors() throws {
        let output = InProcess.run("sweep", "--prior", "--vary", "merchants.churn=0.005,0.02", "--runs", "100")
        #expect(output.status == 0)
        #expect(output.stdout.contains("P(met) in % (95% interval) at each point"))
        #expect(output.stdout.contains("merchants.churn  wallets-2023"))
        #expect(output.stderr.isEmpty, "no progress line when stderr is not a terminal")

        let unknown = InProcess.run("sweep", "--vary", "merchants.chrun=0.1,0.2")
        #expect(unknown.status == 64)
        #expect(
            unknown.stderr.hasPrefix(
                "error: --vary merchants.chrun: not a number of this scenario; expected a parameter, count or target threshold such as 'merchants.churn'"))
        let domain = InProcess.run("sweep", "--vary", "merchants.churn=0.1,1.5")
        #expect(domain.status == 65)
        #expect(
            domain.stderr
                == "merchants.churn=1.5:1:17: error: merchants.churn: 1.5 is out of range; expected a share in [0, 1] (sweep point merchants.churn=1.5)\n")
        let spec = InProcess.run("sweep", "--vary", "merchants.churn=0.1:0.2")
        #expect(spec.status == 64 && spec.stderr.contains("--vary merchants.churn…: a sweep takes points"))
    }
}

@Suite(.serialized) struct TornadoCommandTests {
    @Test func csvHasEveryParameterForEveryTargetSortedBySwing() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("tornado.csv").path
        let output = InProcess.run("tornado", "--prior", "--runs", "100", "--out", csv)
        #expect(output.status == 0, "\(output.stderr)")
        let rows = parseCSV(try String(contentsOfFile: csv, encoding: .utf8))
        #expect(rows[0] == ["target_id", "parameter", "low_value", "high_value", "p_met_low", "p_met_high", "swing"])
        let targets = Set(rows.dropFirst().map { $0[0] })
        #expect(targets.count == 9)
        let perTarget = rows.dropFirst().filter { $0[0] == "amount-2023" }
        #expect(perTarget.count == (rows.count - 1) / 9)
        let swings = perTarget.map { Double($0[6])! }
        #expect(swings == swings.sorted(by: >))
        #expect(output.stdout.contains("Amount ≥ ¥200M by end-2023 (amount-2023): P(met)"))
        #expect(output.stdout.contains("Monte Carlo error:"))
    }

    @Test func quantilesMustBeOrdered() throws {
        let output = InProcess.run("tornado", "--low", "0.9", "--high", "0.1")
        #expect(output.status == 64)
        #expect(output.stderr.contains("--low and --high must satisfy 0 < low < high < 1"))
    }
}

@Suite(.serialized) struct SobolCommandTests {
    @Test func csvHasEveryInputForEveryTarget() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("sobol.csv").path
        let output = InProcess.run("sobol", "--prior", "--samples", "100", "--out", csv, "--top", "3")
        #expect(output.status == 0, "\(output.stderr)")
        let rows = parseCSV(try String(contentsOfFile: csv, encoding: .utf8))
        #expect(rows[0] == ["target_id", "parameter", "s1", "s1_low", "s1_high", "st", "st_low", "st_high"])
        let wallets = rows.dropFirst().filter { $0[0] == "wallets-2023" }
        #expect(wallets.last?[1] == "noise (run index)")
        #expect(wallets.contains { $0[1] == "wallets.personal.innovation[launch]" })
        #expect((rows.count - 1) % 9 == 0 && (rows.count - 1) / 9 == wallets.count)
        #expect(output.stdout.contains("pseudo-random draws") && output.stdout.contains("Monte Carlo error: intervals are bootstrap 95%"))
    }
}
