import Foundation
import PilotReport
import TestSupport
import Testing

/// `pilotsim run` end to end, through the built executable.
@Suite(.serialized) struct RunCommandTests {
    static let targetIDs = [
        "wallets-2023", "amount-2023", "merchants-2023", "innovation-2023", "cases-2023",
        "demo-zone-2023", "demo-town-2023", "wallets-2025h1", "amount-2025h1",
    ]

    @Test(arguments: ["haimen-baseline", "haimen-optimistic", "haimen-pessimistic"])
    func shippedScenariosRun(name: String) throws {
        let output = InProcess.run("run", repositoryPath("scenarios/\(name).yaml"), "--prior", "--runs", "300", "--format", "csv")
        #expect(output.status == 0, "\(output.stderr)")
        let rows = parseCSV(output.stdout)
        #expect(
            output.stdout.hasPrefix(
                "target_id,label,metric,deadline,base,threshold,p_met,ci_low,ci_high,median,p05,p95,median_first_month,never_share,verdict\r\n"))
        #expect(rows.dropFirst().map { $0[0] } == Self.targetIDs)
        #expect(rows[3][1] == "Merchants ≥ 5,000 by end-2023", "a label with a comma is quoted")
    }

    @Test func tableReportNamesWhatItRan() throws {
        let output = InProcess.run("run", "--prior", "--runs", "200")
        #expect(output.status == 0)
        let text = output.stdout
        #expect(text.hasPrefix("pilotsim \(PilotsimVersion.current) — Haimen e-CNY pilot — baseline\n"))
        #expect(text.contains("  scenario   haimen-baseline.yaml (embedded) · SHA-256 "))
        #expect(text.contains("  runs       200   seed 20230817\n"))
        #expect(text.contains("Wallets ≥ 120k by end-2023     2023-12   ≥ 120,000"))
        #expect(text.contains("+¥500.0M over 2023-12"))
        #expect(text.contains("Joint probabilities") && text.contains("all 9 targets"))
        #expect(text.contains("Added in each stage") && text.contains("expansion    2024-01…2025-06"))
        #expect(text.contains("Monte Carlo error: P(met) ±"))
    }

    @Test func jsonHasTheSummaryFieldsAndJointProbabilities() throws {
        let output = InProcess.run("run", "--prior", "--runs", "200", "--seed", "4", "--format", "json")
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["scenario"] as? String == "Haimen e-CNY pilot — baseline")
        #expect(object["runs"] as? Int == 200 && object["seed"] as? Int == 4)
        #expect((object["generator"] as? String)?.contains("taus2") == true)
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(targets.map { $0["target_id"] as? String } == Self.targetIDs)
        #expect(
            Set(targets[0].keys) == [
                "target_id", "label", "metric", "deadline", "base", "threshold", "p_met", "ci_low", "ci_high",
                "median", "p05", "p95", "median_first_month", "never_share", "verdict",
            ])
        #expect(targets[8]["base"] as? String == "2023-12" && targets[0]["base"] is NSNull)
        let joint = try #require(object["joint"] as? [String: Any])
        #expect((joint["by_deadline"] as? [[String: Any]])?.map { $0["deadline"] as? String } == ["2023-12", "2025-06"])
        #expect((joint["overall"] as? [String: Any])?["targets"] as? [String] == Self.targetIDs)

        // The same numbers as summary.csv.
        let csv = InProcess.run("run", "--prior", "--runs", "200", "--seed", "4", "--format", "csv").stdout
        let row = parseCSV(csv)[1]
        #expect(Double(row[6]) == targets[0]["p_met"] as? Double)
        #expect(Double(row[9]) == targets[0]["median"] as? Double)
    }

    @Test func outWritesTheThreeFiles() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = InProcess.run("run", "--prior", "--runs", "250", "--out", dir.path, "--format", "csv")
        #expect(output.status == 0, "\(output.stderr)")
        let read = { (name: String) in try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) }
        #expect(try read("summary.csv") == output.stdout)

        let monthly = try read("monthly.csv").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(monthly[0] == "month,stage,metric,mean,sd,p05,p10,p25,p50,p75,p90,p95")
        #expect(monthly.count == 1 + 36 * 17)  // 36 months × (13 fixed metrics + 4 milestones)
        #expect(monthly[1].hasPrefix("2023-01,preparation,wallets,"))
        #expect(monthly.last!.hasPrefix("2025-12,deepening,milestones.demo_towns,"))

        let runs = parseCSV(try read("runs.csv"))
        let header = runs[0]
        #expect(runs.count == 251)
        #expect(header.first == "run" && header.contains("param:wallets.personal.innovation[launch]") && header.contains("param:merchants.churn"))
        #expect(Array(header.suffix(9)) == Self.targetIDs.map { "value:\($0)" })
        #expect(
            !header.contains("param:wallets.personal.population") && !header.contains("param:wallets.personal.ticket.cv"),
            "counts and constants are not drawn")
        #expect(runs.allSatisfy { $0.count == header.count })
    }

    @Test func threadCountGivesIdenticalBytes() throws {
        let one = try CommandLineTool.temporaryDirectory(), four = try CommandLineTool.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: one)
            try? FileManager.default.removeItem(at: four)
        }
        let a = InProcess.run("run", "--prior", "--runs", "300", "--threads", "1", "--out", one.path)
        let b = InProcess.run("run", "--prior", "--runs", "300", "--threads", "4", "--out", four.path)
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
        for name in ["summary.csv", "joint.csv", "stages.csv", "monthly.csv", "runs.csv"] {
            #expect(try Data(contentsOf: one.appendingPathComponent(name)) == Data(contentsOf: four.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func setOverridesAValue() throws {
        let base = InProcess.run("run", "--prior", "--runs", "300", "--format", "csv").stdout
        let more = InProcess.run(
            "run", "--prior", "--runs", "300", "--format", "csv",
            "--set", "merchants.outreach.launch={lognormal: {median: 0.2, sigma: 0.3}}"
        ).stdout
        let merchants = { (csv: String) in Double(parseCSV(csv)[3][9])! }
        #expect(merchants(more) > merchants(base), "stronger launch outreach gives more merchants by end-2023")
    }

    @Test func errorsLeaveNoOutputFiles() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("results").path
        let output = InProcess.run("run", "--prior", "--runs", "100", "--out", out, "--set", "merchants.churn=2")
        #expect(output.status == 65)
        #expect(output.stderr == "--set:1:17: error: merchants.churn: 2 is out of range; expected a share in [0, 1]\n")
        #expect(output.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func precisionEqualsAPlainRunOfTheSameCount() throws {
        let precise = InProcess.run("run", "--prior", "--precision", "0.02", "--seed", "3", "--format", "json")
        #expect(precise.status == 0, "\(precise.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(precise.stdout.utf8)) as? [String: Any])
        let runs = try #require(object["runs"] as? Int)
        let plain = InProcess.run("run", "--prior", "--runs", String(runs), "--seed", "3", "--format", "json")
        // The same document but for the command line each names in its provenance.
        let withoutCommand = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"command_line\"") } }
        #expect(withoutCommand(plain.stdout) == withoutCommand(precise.stdout))
        let table = InProcess.run("run", "--prior", "--precision", "0.02", "--seed", "3")
        #expect(table.stdout.contains("  runs       \(NumberStyle.grouped(Double(runs))) (until every P(met) half-width ≤ 0.02)   seed 3"))

        let capped = InProcess.run("run", "--prior", "--precision", "0.001", "--max-runs", "2000", "--format", "csv")
        #expect(capped.status == 0)
        #expect(capped.stderr == "warning: --max-runs 2,000 reached before every P(met) half-width was ≤ 0.001; reporting 2,000 runs\n")
        let both = InProcess.run("run", "--prior", "--precision", "0.01", "--runs", "100")
        #expect(both.status == 64 && both.stderr.contains("give --runs or --precision, not both"))
    }

    /// manifest.json names the program, the command, the seed, the runs and the scenario's SHA-256,
    /// which must be that of the file as `sha256sum` computes it.
    @Test func outWritesAManifest() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = repositoryPath("scenarios/haimen-optimistic.yaml")
        let output = InProcess.run("run", file, "--prior", "--runs", "60", "--seed", "5", "--quiet", "--out", dir.path)
        #expect(output.status == 0, "\(output.stderr)")
        let data = try Data(contentsOf: dir.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try Self.sha256sum(file)
        #expect(manifest["scenario_sha256"] as? String == expected)
        #expect(manifest["seed"] as? Int == 5 && manifest["runs"] as? Int == 60 && manifest["scenario"] as? String == file)
        #expect(manifest["command_line"] as? String == "pilotsim run \(file) --prior --runs 60 --seed 5 --quiet --out \(dir.path)")
        #expect(manifest["pilotsim_version"] as? String == PilotsimVersion.current)
        #expect(manifest["files"] as? [String] == ["summary.csv", "joint.csv", "stages.csv", "monthly.csv", "runs.csv"])
    }

    /// One run's provenance is the same in every output: the terminal header names the version,
    /// the scenario's hash and the override; manifest.json, the JSON document and the HTML report
    /// carry the version, the scenario's SHA-256 (as sha256sum computes it), the override, the
    /// seed and the command line.
    @Test func provenanceIsEverywhereAndAgrees() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = repositoryPath("Tests/Fixtures/golden/small.yaml")
        let common = [file, "--runs", "100", "--seed", "9", "--set", "campaigns[0].winners=900", "--quiet"]
        let expected = try Self.sha256sum(file)
        let table = InProcess.run(["run"] + common)
        #expect(table.stdout.hasPrefix("pilotsim \(PilotsimVersion.current) — golden\n"))
        #expect(table.stdout.contains("  scenario   \(file) · SHA-256 \(expected.prefix(12)) · --set campaigns[0].winners=900\n"))
        let json = InProcess.run(["run"] + common + ["--format", "json"])
        let provenance = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["provenance"] as? [String: Any])
        #expect(provenance["pilotsim_version"] as? String == PilotsimVersion.current)
        #expect(provenance["scenario_sha256"] as? String == expected)
        #expect(provenance["overrides"] as? [String] == ["campaigns[0].winners=900"])
        #expect(provenance["seed"] as? Int == 9)
        #expect(provenance["command_line"] as? String == "pilotsim run \(file) --runs 100 --seed 9 --set 'campaigns[0].winners=900' --quiet --format json")
        #expect(InProcess.run(["run"] + common + ["--out", dir.path]).status == 0)
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json"))) as? [String: Any])
        #expect(manifest["pilotsim_version"] as? String == PilotsimVersion.current && manifest["scenario_sha256"] as? String == expected)
        #expect(manifest["overrides"] as? [String] == ["campaigns[0].winners=900"] && manifest["seed"] as? Int == 9)
        let html = dir.appendingPathComponent("r.html").path
        #expect(InProcess.run(["report"] + common + ["--out", html]).status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<dt>pilotsim</dt><dd>\(PilotsimVersion.current)</dd>"))
        #expect(page.contains("SHA-256 \(expected.prefix(12)) · --set campaigns[0].winners=900"))
        #expect(page.contains("--seed 9") && page.contains("<dd>9</dd>"))
    }

    /// Command-line conventions: `-` reads the scenario from standard input (the same output as
    /// the file, apart from the name it is given), `--out -` writes a single output to standard
    /// output, `--out` into a missing parent is refused and creates nothing, `--shard` with
    /// `--format` is refused (exit 64), and a negative count says it must be at least 1.
    @Test func commandLineConventions() throws {
        let file = repositoryPath("Tests/Fixtures/golden/small.yaml")
        let fromFile = InProcess.run(["run", file, "--runs", "200", "--format", "csv"])
        let fromStdin = try CommandLineTool.run(["run", "-", "--runs", "200", "--format", "csv"], input: try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(fromStdin.status == 0 && fromStdin.stdout == fromFile.stdout, "\(fromStdin.stderr)")
        let named = try CommandLineTool.run(["run", "-", "--runs", "200"], input: try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(named.stdout.contains("  scenario   <stdin> · SHA-256 "))
        let csv = InProcess.run(["tornado", file, "--runs", "100", "--out", "-"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("target_id,parameter,"))
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing/report.html").path
        let refused = InProcess.run(["report", file, "--runs", "100", "--out", missing])
        #expect(refused.status == 1 && refused.stderr.contains("missing does not exist; create it first"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let shard = InProcess.run(["run", file, "--shard", "1/2", "--out", dir.path, "--format", "json"])
        #expect(shard.status == 64 && shard.stderr.contains("--format has no effect"))
        let negative = InProcess.run(["run", file, "--runs", "-5"])
        #expect(negative.status == 64 && negative.stderr.contains("--runs must be at least 1 (got -5)"))
    }

    /// The README's examples under "Reading the report" are what `pilotsim run` (conditioned on the
    /// embedded baseline's figures) and `pilotsim run --prior` print today.
    @Test func readmeExampleIsTodaysOutput() throws {
        let readme = try String(contentsOfFile: repositoryPath("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Reading the report").dropFirst().first)
        let blocks = section.components(separatedBy: "```")
        for (block, arguments) in [(blocks[1], ["run", "--quiet"]), (blocks[3], ["run", "--prior", "--quiet"])] {
            let output = InProcess.run(arguments)
            #expect(output.status == 0)
            let lines = block.split(separator: "\n").map(String.init)
            #expect(lines.count >= 3)
            for line in lines { #expect(output.stdout.contains(line + "\n"), "README line not in \(arguments): \(line)") }
        }
    }

    /// With no arguments, `run` answers given the figures the embedded baseline carries, says so,
    /// and its manifest names them with their hash; `--prior` says they were ignored.
    @Test func runWithNoArgumentsIsConditionedAndSaysSo() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = InProcess.run("run", "--runs", "200", "--chains", "2", "--quiet", "--out", dir.path)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("  figures    conditioned on the scenario's observed: section (3 figures)\n"))
        #expect(output.stdout.contains("conditioned P(met)"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json"))) as? [String: Any])
        #expect(manifest["observed"] as? String == "observed:")
        // The SHA-256 of the figures as CSV, computed here by sha256sum.
        let csv = "month,metric,value,rel_error\n2023-08,wallets,166200,0.02\n2023-08,merchants,3662,0.02\n2023-08,amount,3740000000,0.05\n"
        let file = dir.appendingPathComponent("figures.csv").path
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let expected = try Self.sha256sum(file)
        #expect(manifest["observed_sha256"] as? String == expected)
        let json = InProcess.run("run", "--runs", "200", "--chains", "2", "--quiet", "--format", "json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let figuresHash = try Self.sha256sum(file)
        #expect(document["observed"] as? String == "observed:" && document["observed_sha256"] as? String == figuresHash)
        let prior = InProcess.run("run", "--prior", "--runs", "100", "--quiet")
        #expect(prior.stdout.contains("  figures    3 reported figures ignored (--prior): the plan-time view\n"))
        let both = InProcess.run("run", "--prior", "--observed", file)
        #expect(both.status == 64 && both.stderr.contains("give --observed or --prior, not both"))
    }

    /// The file's SHA-256 as `sha256sum` computes it: an oracle independent of pilotsim's hashing.
    static func sha256sum(_ file: String) throws -> String {
        let sum = Process(), pipe = Pipe()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sum.arguments = [file]
        sum.standardOutput = pipe
        try sum.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sum.waitUntilExit()
        return String(output.prefix(64))
    }
}
