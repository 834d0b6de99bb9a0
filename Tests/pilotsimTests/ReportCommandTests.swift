import Foundation
import PilotReport
import TestSupport
import Testing

@Suite(.serialized) struct ReportCommandTests {
    /// The report is well-formed XHTML, and every number behind its targets table is summary.csv's.
    @Test func targetsTableEqualsSummaryCSV() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("report.html").path
        let output = InProcess.run(
            "report", "--prior", "--runs", "400", "--seed", "12", "--out", html, "--svg-dir", dir.appendingPathComponent("svg").path)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let check = XMLCheck(page)
        #expect(check.wellFormed, "\(String(describing: check.error))")
        #expect(!page.contains("<script"), "no scripts")

        let rows = check.all("tr").filter { $0["data-target-id"] != nil }
        let cells = check.all("td")
        let summary = parseCSV(InProcess.run("run", "--prior", "--runs", "400", "--seed", "12", "--format", "csv").stdout)
        #expect(rows.count == summary.count - 1)
        for (row, csv) in zip(rows, summary.dropFirst()) {
            #expect(row["data-target-id"] == csv[0] && row["data-threshold"] == csv[5])
        }
        let column = { (name: String) in cells.compactMap { $0[name] } }
        #expect(column("data-p-met") == summary.dropFirst().map { $0[6] })
        #expect(column("data-ci-low") == summary.dropFirst().map { $0[7] })
        #expect(column("data-ci-high") == summary.dropFirst().map { $0[8] })
        #expect(column("data-median") == summary.dropFirst().map { $0[9] })
        #expect(column("data-p05") == summary.dropFirst().map { $0[10] })
        #expect(column("data-p95") == summary.dropFirst().map { $0[11] })
        #expect(check.text.contains("--seed 12"), "the command line is in the report")

        let svgs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("svg").path)
        #expect(Set(svgs).isSuperset(of: ["fan-wallets.svg", "fan-merchants.svg", "fan-amount.svg", "histogram-wallets-2023.svg"]))
    }

    @Test func scenarioTextIsEscaped() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("r.html").path
        let output = InProcess.run(
            "report", "--prior", "--runs", "100", "--out", html, "--set", "name=R&D <script>alert('x')</script>",
            "--set", "targets[0].label=\"<b>bold</b> & \\\"quoted\\\"\"")
        #expect(output.status == 0, "\(output.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("R&amp;D &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;"))
        #expect(!page.contains("<script") && !page.contains("<b>"))
        #expect(XMLCheck(page).wellFormed)
    }

    @Test func chineseReport() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("zh.html").path
        let output = InProcess.run("report", "--prior", "--runs", "100", "--lang", "zh", "--out", html, "--tornado", "--tornado-runs", "50")
        #expect(output.status == 0, "\(output.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        for term in ["lang=\"zh-CN\"", "钱包数量", "受理商户", "总交易金额", "试点准备阶段", "≥ 12万", "≥ 2亿元", "龙卷风图"] {
            #expect(page.contains(term), "\(term)")
        }
        #expect(XMLCheck(page).wellFormed)
    }

    /// The tornado's "nothing pinned" line is the targets table's P(met): by default it simulates
    /// the report's own runs, which are the same runs; a conditioned report says so in its title,
    /// its targets heading and "how to read this"; "how to read this" defines the verdicts.
    @Test func everyNumberAgreesWithItsNeighbours() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("r.html").path
        let small = repositoryPath("Tests/Fixtures/golden/small.yaml")
        #expect(InProcess.run("report", small, "--runs", "400", "--tornado", "--out", html, "--quiet").status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let table = page.matches(of: /data-p-met="([0-9.]+)"/).map { Double($0.1)! }
        let pinned = page.matches(of: /nothing pinned ([0-9.]+)%/).map { Double($0.1)! }
        #expect(!table.isEmpty && pinned.count == table.count)
        for (p, line) in zip(table, pinned) { #expect(abs(p * 100 - line) < 0.051, "table \(p), tornado \(line)%") }
        #expect(page.contains("Verdicts: “likely” when P(met) is at least 80.0%"))
        #expect(!page.contains("the first 400 runs"))

        let conditioned = dir.appendingPathComponent("c.html").path
        let figures = dir.appendingPathComponent("f.csv").path
        try "month,metric,value\n2023-08,wallets,166200\n".write(toFile: figures, atomically: true, encoding: .utf8)
        #expect(InProcess.run("report", "--observed", figures, "--runs", "400", "--chains", "2", "--out", conditioned, "--quiet").status == 0)
        let conditionedPage = try String(contentsOfFile: conditioned, encoding: .utf8)
        #expect(conditionedPage.contains("<h1>pilotsim — the forecast given the reported figures"))
        #expect(conditionedPage.contains("<h2>Targets — conditioned on \(figures) (1 figure)</h2>"))
        #expect(conditionedPage.contains("This report is conditioned on the reported figures"))
        #expect(conditionedPage.contains("<dt>particles</dt><dd>400</dd>"))
    }

    /// A Chinese report (with every optional section) reads as one: no scientific notation in its
    /// text, no parameter's key path outside small type, and a cell's median and P5–P95 in one unit
    /// (万, 亿 or none), never `9606 (2930–1.84万)`.
    @Test func chineseNumbersAreReadable() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("zh.html").path
        let report = InProcess.run(
            "report", "--prior", "--runs", "400", "--lang", "zh", "--out", html, "--quiet", "--tornado",
            "--explain", "--sobol", "--sobol-samples", "100", "--sweep", "merchants.churn=0.01,0.02", "--sweep-runs", "100")
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let text = XMLCheck(page).text
        // Parameters are named in Chinese; their key paths appear only in small type (<code>).
        let readable = XMLCheck(page, skipping: ["code", "style"]).text
        let keyPath = readable.firstMatch(of: /(wallets|merchants|public_flows|milestones)\.[a-z_]+|campaigns\[[0-9]+\]/).map { String($0.0) }
        #expect(keyPath == nil, "an English key path outside small type")
        #expect(page.contains("<code class=\"key\">wallets.personal.innovation[launch]</code>"))
        let terminal = InProcess.run("run", "--prior", "--runs", "400", "--lang", "zh").stdout
        for output in [text, terminal] {
            #expect(output.firstMatch(of: /[0-9]e[+-][0-9]/).map { String($0.0) } == nil, "scientific notation")
            let cells = output.matches(of: /([0-9.]+)(万|亿)?(元)? \(([0-9.]+)(万|亿)?(元)?–([0-9.]+)(万|亿)?(元)?\)/)
            #expect(cells.count >= 9, "the targets table's cells are found")
            for cell in cells { #expect(cell.2 == cell.5 && cell.5 == cell.8, "mixed units in \(cell.0)") }
        }
    }

    @Test func terminalReportInChinese() throws {
        let output = InProcess.run("run", "--prior", "--runs", "200", "--lang", "zh")
        #expect(output.status == 0)
        #expect(output.stdout.contains("量化目标") && output.stdout.contains("≥ 12万") && output.stdout.contains("≥ 2亿元"))
        #expect(output.stdout.contains("试点准备阶段") && !output.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        #expect(output.stderr.isEmpty)
    }

    /// The sensitivity reports take their words from the same tables.
    @Test func analysisReportsInChinese() throws {
        let tornado = InProcess.run("tornado", "--prior", "--runs", "50", "--top", "1", "--lang", "zh")
        #expect(tornado.status == 0)
        #expect(tornado.stdout.hasPrefix("pilotsim \(PilotsimVersion.current) 龙卷风分析") && tornado.stdout.contains("参数均不固定时达成概率"))
        #expect(!tornado.stdout.contains("with nothing pinned") && !tornado.stdout.contains("Monte Carlo error"))
        let sweep = InProcess.run("sweep", "--prior", "--vary", "merchants.churn=0.01,0.02", "--runs", "50", "--lang", "zh")
        #expect(sweep.stdout.contains("各取值点的达成概率") && !sweep.stdout.contains("at each point"))
        let sobol = InProcess.run("sobol", "--prior", "--samples", "100", "--top", "1", "--lang", "zh")
        #expect(sobol.stdout.contains("总效应指数 ST") && !sobol.stdout.contains("first-order"))
    }

    /// With --observed the report is the conditioned forecast: the figures as points on the fan
    /// charts (at the month's column and the value's height), the prior's P5–P95 outline, and the
    /// section comparing prior and conditioned chances — with the same targets as `condition`.
    @Test func observedFiguresAreDrawnAndCompared() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let observed = repositoryPath("docs/examples/haimen-2023-09-synthetic.csv")
        let html = dir.appendingPathComponent("report.html").path
        let output = InProcess.run("report", "--observed", observed, "--runs", "300", "--seed", "4", "--out", html)
        #expect(output.status == 0, "\(output.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let check = XMLCheck(page)
        #expect(check.wellFormed, "\(String(describing: check.error))")
        let points = check.all("circle").filter { $0["class"] == "observation" }
        #expect(points.count == 3, "one point per figure, on the chart of its metric")
        // 2023-09 is month 8 of 36: x = 92 + 18·8.5 (the fan chart's layout).
        #expect(points.allSatisfy { $0["cx"] == "245.00" })
        #expect(check.all("path").filter { $0["class"] == "band-prior" }.count == 3)
        let csv = parseCSV(InProcess.run("condition", "--observed", observed, "--particles", "300", "--seed", "4", "--format", "csv").stdout)
        #expect(check.text.contains("Reported figures"))
        for row in csv.dropFirst() {
            let percent = NumberStyle(.english).percent(Double(row[2])!)
            #expect(check.text.contains(percent), "conditioned P(met) \(percent) of \(row[0])")
        }
    }

    /// --compare adds the comparison's section (the same numbers as `compare --format csv`), and
    /// --explain the empirical CDFs of each target's two most decisive inputs — only inputs that
    /// `explain` itself marks decisive (q < 0.05), so a target with one decisive input has one chart.
    @Test func compareAndExplainSections() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("report.html").path
        let other = repositoryPath("scenarios/haimen-optimistic.yaml")
        let output = InProcess.run("report", "--prior", "--runs", "400", "--seed", "3", "--compare", other, "--explain", "--out", html)
        #expect(output.status == 0, "\(output.stderr)")
        let check = XMLCheck(try String(contentsOfFile: html, encoding: .utf8))
        #expect(check.wellFormed, "\(String(describing: check.error))")
        let explained = parseCSV(InProcess.run("explain", "--prior", "--runs", "400", "--seed", "3", "--out", "-").stdout)
        let decisive = Dictionary(grouping: explained.dropFirst().filter { $0[6] == "true" }, by: { $0[0] }).mapValues { min(2, $0.count) }
        #expect(check.all("path").filter { $0["class"] == "ecdf-met" }.count == decisive.values.reduce(0, +))
        #expect(decisive.values.reduce(0, +) > 0)
        let csv = parseCSV(
            InProcess.run(
                "compare", repositoryPath("scenarios/haimen-baseline.yaml"), other,
                "--runs", "400", "--seed", "3", "--format", "csv"
            ).stdout)
        #expect(check.text.contains("Compared with another plan"))
        for row in csv.dropFirst() { #expect(check.text.contains(NumberStyle(.english).percent(Double(row[2])!)), "\(row[0])") }
    }

    /// `report --sobol` draws, for each target whose value varies, the inputs with the largest
    /// total index and their S1 / ST as `sobol` computes them with the same seed and samples;
    /// `report --sweep` draws one chart per target with a line for each value of the second axis
    /// and a point for each value of the first.
    @Test func sobolAndSweepSections() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = repositoryPath("Tests/Fixtures/golden/small.yaml"), html = dir.appendingPathComponent("r.html").path
        let report = InProcess.run([
            "report", small, "--runs", "300", "--sobol", "--sobol-samples", "100", "--out", html, "--quiet",
            "--sweep", "merchants.churn=0.005,0.02,0.05", "--sweep", "campaigns[0].winners=200,800", "--sweep-runs", "200",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(XMLCheck(page).wellFormed)
        let sobolCSV = dir.appendingPathComponent("s.csv").path
        #expect(InProcess.run(["sobol", small, "--samples", "100", "--quiet", "--out", sobolCSV]).status == 0)
        let rows = parseCSV(try String(contentsOfFile: sobolCSV, encoding: .utf8)).dropFirst()
        let charts = page.components(separatedBy: "<svg").filter { $0.contains("class=\"sobol\"") }
        let varying = Set(rows.filter { !$0[2].isEmpty }.map { $0[0] })
        #expect(charts.count == varying.count)
        for chart in charts {
            let id = try #require(varying.first { chart.contains("(\($0))</title>") })
            // The first row drawn is the input with the largest ST, its values to two decimals.
            let top = try #require(rows.filter { $0[0] == id && !$0[5].isEmpty }.max { Double($0[5])! < Double($1[5])! })
            let values = "\(String(format: "%.2f", Double(top[2])!).replacingOccurrences(of: "-", with: "−")) / \(String(format: "%.2f", Double(top[5])!))"
            let firstValues = chart.components(separatedBy: "<text").first { $0.contains(" / ") }
            #expect(firstValues?.contains(">\(values)</text>") == true, "\(id): \(values)")
        }
        let sweeps = page.components(separatedBy: "<svg").filter { $0.contains("class=\"sweep\"") }
        #expect(sweeps.count == 4, "one chart per target")
        for chart in sweeps {
            let lines = chart.components(separatedBy: "class=\"p-met\" d=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(lines.count == 2 && lines.allSatisfy { $0.filter { $0 == "L" }.count == 2 }, "two lines of three points")
        }
        let refused = InProcess.run(["report", small, "--sweep", "merchants.nothing=1,2", "--out", html])
        #expect(refused.status == 64 && refused.stderr.contains("--sweep merchants.nothing: not a number of this scenario"))
    }
}
