import Foundation
import TestSupport
import Testing

/// `pilotsim condition` end to end: bad observation files, identical bytes for any thread count,
/// the files of --out, and the warning for a figure the scenario cannot explain.
struct ConditionCommandTests {
    private func file(_ text: String) throws -> (dir: URL, path: String) {
        let dir = try CommandLineTool.temporaryDirectory()
        let path = dir.appendingPathComponent("observed.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    @Test func badObservationFilesAreLocatedAndWriteNothing() throws {
        let cases: [(String, String)] = [
            ("month,metric,value\n2023-09,walets,150000\n", ":2:9: error: unknown metric 'walets'; did you mean 'wallets'?"),
            ("month,metric,value\n2027-01,wallets,150000\n", ":2:1: error: 2027-01 is outside the calendar; expected 2023-01…2025-12"),
            ("month,metric,value\n2023-09,wallets,-5\n", ":2:17: error: -5 is negative; expected a value ≥ 0"),
            ("month,metric,value\n2023-09,wallets,many\n", ":2:17: error: 'many' is not a number; expected the reported value"),
            (
                "month,metric,value\n2023-09,wallets,1\n2023-09,wallets,2\n",
                ":3:1: error: wallets at 2023-09 is already given on line 2; expected each month and metric once"
            ),
            (
                "month,metric,value,rel_error\n2023-09,wallets,1,0\n",
                ":2:19: error: rel_error '0' is not a number in [1e-6, 10]; expected the relative sd of the reporting error, e.g. 0.05"
            ),
            (
                "month,metric,value,rel_error\n2023-09,wallets,1,1e-160\n",
                ":2:19: error: rel_error '1e-160' is not a number in [1e-6, 10]; expected the relative sd of the reporting error, e.g. 0.05"
            ),
            ("month,value\n", ":1:1: error: the header is 'month,value'; expected month,metric,value or month,metric,value,rel_error"),
        ]
        for (text, message) in cases {
            let (dir, path) = try file(text)
            defer { try? FileManager.default.removeItem(at: dir) }
            let out = dir.appendingPathComponent("out").path
            let output = InProcess.run("condition", "--observed", path, "--particles", "100", "--out", out)
            #expect(output.status == 65, "\(text)")
            #expect(output.stderr == path + message + "\n")
            #expect(output.stdout.isEmpty && !FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func threadsGiveIdenticalBytesAndOutWritesEveryFile() throws {
        let (dir, path) = try file("month,metric,value\n2023-09,wallets,150000\n2023-09,merchants,9000\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = InProcess.run(
            "condition", "--observed", path, "--particles", "300", "--threads", "1", "--format", "json",
            "--out", dir.appendingPathComponent("a").path)
        let two = InProcess.run(
            "condition", "--observed", path, "--particles", "300", "--threads", "2", "--format", "json",
            "--out", dir.appendingPathComponent("b").path)
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)")
        // The same bytes but for the command line each names in its provenance.
        let withoutCommand = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"command_line\"") } }
        #expect(withoutCommand(one.stdout) == withoutCommand(two.stdout))
        for name in ["summary.csv", "monthly.csv", "posterior.csv", "particles.csv", "observations.csv", "diagnostics.csv", "chains.csv"] {
            let a = FileManager.default.contents(atPath: dir.appendingPathComponent("a/\(name)").path)
            #expect(a != nil && a == FileManager.default.contents(atPath: dir.appendingPathComponent("b/\(name)").path), "\(name)")
        }
        // Each figure lies inside its replicated reports' P5–P95 (none of them was flagged).
        let observed = parseCSV(try String(contentsOfFile: dir.appendingPathComponent("a/observations.csv").path, encoding: .utf8))
        #expect(observed[0][14...15] == ["surprising", "misfit"])
        for row in observed.dropFirst() {
            #expect(row[14] == "no" && row[15] == "no" && Double(row[10])! <= Double(row[2])! && Double(row[2])! <= Double(row[11])!, "\(row)")
        }
        let posterior = parseCSV(try String(contentsOfFile: dir.appendingPathComponent("a/posterior.csv").path, encoding: .utf8))
        #expect(
            posterior[0] == [
                "parameter", "prior_p05", "prior_p50", "prior_p95", "post_p05", "post_p50", "post_p95",
                "median_shift", "median_shift_se", "width_ratio", "width_ratio_se",
            ])
    }

    @Test func aFigureTheScenarioCannotExplainIsAWarning() throws {
        let (dir, path) = try file("month,metric,value\n2023-06,amount,1e11\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = InProcess.run("condition", "--observed", path, "--particles", "200", "--quiet")
        #expect(output.status == 0)
        #expect(
            output.stderr.hasPrefix(
                "warning: the scenario cannot explain transaction amount = ¥100.00B at 2023-06: 100% of prior runs are at or below it; widen "))
        #expect(output.stdout.contains("Warnings\n  warning: the scenario cannot explain"))
    }
}
