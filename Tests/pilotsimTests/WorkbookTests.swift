import Foundation
import TestSupport
import Testing

/// The Excel workbooks (`--xlsx`) read back by an independent reader, openpyxl: their sheets in
/// the report's language, their values equal to the CSV files of the same command, and their
/// native charts present.
@Suite struct WorkbookTests {
    /// The workbook read back by an independent reader (openpyxl, Debian's python3-openpyxl):
    /// its sheets in the report's language, every target's P(met) and median equal to summary.csv
    /// of the same run, and its native charts present (three fan charts and the P(met) bars).
    @Test func workbookReadsBackAsTheCSV() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = repositoryPath("Tests/Fixtures/golden/small.yaml")
        for (language, sheets) in [("en", "Targets,Charts,Monthly,Stages,Assumptions,About"), ("zh", "量化目标,图表,月度分位数,分阶段增量,假设,说明")] {
            let book = dir.appendingPathComponent("w-\(language).xlsx").path
            let out = dir.appendingPathComponent("out-\(language)").path
            let run = InProcess.run(["run", file, "--runs", "300", "--lang", language, "--xlsx", book, "--out", out, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            let lines = try readWorkbook(
                book,
                script: """
                    print(",".join(wb.sheetnames))
                    ws = wb[wb.sheetnames[0]]
                    for row in ws.iter_rows(min_row=2, values_only=True):
                        if row[1]: print(f"{row[1]},{row[4]!r},{row[7]!r}")
                    print(",".join(sorted(type(c).__name__ for c in wb[wb.sheetnames[1]]._charts + ws._charts)))
                    """)
            #expect(lines.first == sheets)
            #expect(lines.last == "AreaChart,AreaChart,AreaChart,BarChart", "three fan charts (stacked bands) and the P(met) bars")
            let summary = parseCSV(try String(contentsOfFile: out + "/summary.csv", encoding: .utf8))
            let header = summary[0]
            for row in summary.dropFirst() {
                let id = row[header.firstIndex(of: "target_id")!]
                let line = try #require(lines.first { $0.hasPrefix(id + ",") })
                let values = line.split(separator: ",").dropFirst().map { Double($0)! }
                #expect(abs(values[0] - Double(row[header.firstIndex(of: "p_met")!])!) < 1e-12, "\(id) P(met)")
                #expect(abs(values[1] - Double(row[header.firstIndex(of: "median")!])!) < 1e-9 * max(1, values[1]), "\(id) median")
            }
        }
    }

    /// The tornado's workbook read back by openpyxl: one native bar chart per target that moves,
    /// and each row's P(met) at low and high equal to tornado.csv of the same command.
    @Test func tornadoWorkbookReadsBackAsTheCSV() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = dir.appendingPathComponent("t.xlsx").path, csv = dir.appendingPathComponent("t.csv").path
        let small = repositoryPath("Tests/Fixtures/golden/small.yaml")
        #expect(InProcess.run(["tornado", small, "--runs", "200", "--xlsx", book, "--out", csv, "--quiet"]).status == 0)
        let lines = try readWorkbook(
            book,
            script: """
                ws = wb["Tornado"]
                print(",".join(wb.sheetnames)); print(len(ws._charts))
                for row in ws.iter_rows(min_row=2, values_only=True):
                    if row[1]: print(f"{row[1]},{row[2]!r},{row[3]!r}")
                    elif row[0]: print("#" + row[0].rsplit("(", 1)[1].rstrip(")"))
                """)
        #expect(lines.first == "Tornado,About")
        let rows = parseCSV(try String(contentsOfFile: csv, encoding: .utf8)).dropFirst()
        let moving = Set(rows.filter { Double($0[6])! > 0 }.map { $0[0] })
        #expect(lines.count > 2 && lines[1] == String(moving.count))
        try Self.compareBlocks(lines.dropFirst(2), with: Array(rows), columns: (4, 5))
    }

    /// `report --xlsx` adds a histograms sheet: per target, the runs the bins (and the rows
    /// beyond them) count as meeting it, over all runs, is summary.csv's P(met) of the same seed
    /// and runs; one stacked column chart per target.
    @Test func reportWorkbookHistogramsCountEveryRun() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = repositoryPath("Tests/Fixtures/golden/small.yaml"), book = dir.appendingPathComponent("r.xlsx").path
        let report = InProcess.run([
            "report", small, "--runs", "400", "--out", dir.appendingPathComponent("r.html").path,
            "--xlsx", book, "--quiet",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(InProcess.run(["run", small, "--runs", "400", "--out", dir.appendingPathComponent("run").path, "--quiet"]).status == 0)
        let lines = try readWorkbook(
            book,
            script: """
                ws = wb["Histograms"]
                print(",".join(wb.sheetnames)); print(",".join(type(c).__name__ for c in ws._charts))
                for row in ws.iter_rows(min_row=2, values_only=True):
                    if row[0] and row[3] is None: print("#" + row[0].rsplit("(", 1)[1].rstrip(")"))
                    elif row[0]: print(f"{row[3]!r},{row[4]!r}")
                """)
        #expect(lines.first == "Targets,Charts,Histograms,Monthly,Stages,Assumptions,About")
        #expect(lines.dropFirst().first == "BarChart,BarChart,BarChart,BarChart", "one stacked column chart per target (openpyxl reads columns as BarChart)")
        var meeting: [String: (met: Double, all: Double)] = [:], target = ""
        for line in lines.dropFirst(2) {
            if line.hasPrefix("#") {
                target = String(line.dropFirst())
                continue
            }
            let counts = line.split(separator: ",").map { Double($0)! }
            meeting[target, default: (0, 0)].met += counts[0]
            meeting[target, default: (0, 0)].all += counts[0] + counts[1]
        }
        let summary = parseCSV(try String(contentsOfFile: dir.appendingPathComponent("run/summary.csv").path, encoding: .utf8))
        for row in summary.dropFirst() {
            let counts = try #require(meeting[row[0]], "\(row[0]) has a histogram")
            #expect(counts.all == 400)
            #expect(abs(counts.met / 400 - Double(row[6])!) < 1e-12, "\(row[0])")
        }
    }

    /// `compare --xlsx`: P(met) of A and B and their difference equal compare's CSV.
    @Test func comparisonWorkbookReadsBackAsTheCSV() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = repositoryPath("Tests/Fixtures/golden/small.yaml")
        let book = dir.appendingPathComponent("c.xlsx").path, csv = dir.appendingPathComponent("c.csv").path
        let compare = InProcess.run([
            "compare", small, "--b-set", "merchants.churn=0.05", "--runs", "300", "--quiet",
            "--xlsx", book, "--out", csv,
        ])
        #expect(compare.status == 0, "\(compare.stderr)")
        let lines = try readWorkbook(
            book,
            script: """
                ws = wb["Comparison"]
                print(",".join(wb.sheetnames)); print(len(ws._charts))
                for row in ws.iter_rows(min_row=2, max_row=5, values_only=True): print(f"{row[1]},{row[2]!r},{row[3]!r},{row[4]!r}")
                """)
        #expect(Array(lines.prefix(2)) == ["Comparison,About", "1"])
        let rows = parseCSV(try String(contentsOfFile: csv, encoding: .utf8)).dropFirst()
        #expect(lines.count == 2 + rows.count)
        for (line, row) in zip(lines.dropFirst(2), rows) {
            let fields = line.split(separator: ",").map(String.init)
            #expect(fields[0] == row[0])
            for k in 1...3 { #expect(abs(Double(fields[k])! - Double(row[k])!) < 1e-12, "\(row[0]) column \(k)") }
        }
    }

    /// `sweep --xlsx`, in one process and after `merge` of two shards: every row's P(met) and
    /// interval equal sweep's CSV; one line chart of P(met) across the points.
    @Test func sweepWorkbookReadsBackAsTheCSV() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = repositoryPath("Tests/Fixtures/golden/small.yaml")
        let arguments = ["sweep", small, "--vary", "merchants.churn=0.005:0.03:3", "--runs", "200", "--quiet"]
        let csv = dir.appendingPathComponent("s.csv").path, book = dir.appendingPathComponent("s.xlsx").path
        #expect(InProcess.run(arguments + ["--out", csv, "--xlsx", book]).status == 0)
        for i in 1...2 {
            #expect(InProcess.run(arguments + ["--shard", "\(i)/2", "--out", dir.appendingPathComponent("parts").path]).status == 0)
        }
        let parts = (1...2).map { dir.appendingPathComponent("parts/part-\($0)-of-2.pilotsim").path }
        let merged = dir.appendingPathComponent("merged.xlsx").path
        let merge = InProcess.run(["merge"] + parts + ["--out", dir.appendingPathComponent("merged").path, "--xlsx", merged])
        #expect(merge.status == 0, "\(merge.stderr)")
        let rows = parseCSV(try String(contentsOfFile: csv, encoding: .utf8)).dropFirst()
        for file in [book, merged] {
            let lines = try readWorkbook(
                file,
                script: """
                    print(",".join(wb.sheetnames)); print(len(wb["Charts"]._charts))
                    for row in wb["Sweep"].iter_rows(min_row=2, values_only=True): print(f"{row[0]},{row[1]!r},{row[3]},{row[4]!r},{row[5]!r},{row[6]!r}")
                    """)
            #expect(Array(lines.prefix(2)) == ["Sweep,Charts,About", "1"])
            #expect(lines.count == 2 + rows.count)
            for (line, row) in zip(lines.dropFirst(2), rows) {
                let fields = line.split(separator: ",").map(String.init)
                #expect(fields[0] == row[0] && fields[2] == row[2], "point and target")
                for (k, c) in [(1, 1), (3, 3), (4, 4), (5, 5)] { #expect(abs(Double(fields[k])! - Double(row[c])!) < 1e-12, "\(line)") }
            }
        }
    }

    /// `sobol --xlsx`: every input's S1 and ST equal sobol.csv (rows found by key path); one bar
    /// chart per target whose value varies.
    @Test func sobolWorkbookReadsBackAsTheCSV() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = repositoryPath("Tests/Fixtures/golden/small.yaml")
        let csv = dir.appendingPathComponent("s.csv").path, book = dir.appendingPathComponent("s.xlsx").path
        #expect(InProcess.run(["sobol", small, "--samples", "100", "--quiet", "--out", csv, "--xlsx", book, "--lang", "zh"]).status == 0)
        let lines = try readWorkbook(
            book,
            script: """
                ws = wb[wb.sheetnames[0]]
                print(",".join(wb.sheetnames)); print(len(ws._charts))
                for row in ws.iter_rows(min_row=2, values_only=True):
                    if row[1]: print(f"{row[1]},{row[2]!r},{row[5]!r}")
                    elif row[0] and row[0].endswith(")"): print("#" + row[0].rsplit("(", 1)[1].rstrip(")"))
                """)
        #expect(lines.first == "Sobol 指数,说明")
        let rows = parseCSV(try String(contentsOfFile: csv, encoding: .utf8)).dropFirst()
        #expect(lines.dropFirst().first == String(Set(rows.filter { !$0[2].isEmpty }.map { $0[0] }).count))
        let checked = try Self.compareBlocks(lines.dropFirst(2), with: Array(rows), columns: (2, 5))
        #expect(checked == rows.filter { !$0[2].isEmpty }.count)
    }

    /// Compares workbook lines read back per target block (`#TARGET`, then `KEY,a,b` rows) with
    /// the CSV rows (target id, key, …) whose `columns` hold a and b; returns the rows compared.
    @discardableResult
    private static func compareBlocks(_ lines: ArraySlice<String>, with rows: [[String]], columns: (Int, Int)) throws -> Int {
        var target = "", compared = 0
        for line in lines {
            if line.hasPrefix("#") {
                target = String(line.dropFirst())
                continue
            }
            let fields = line.split(separator: ",").map(String.init)
            let row = try #require(rows.first { $0[0] == target && $0[1] == fields[0] })
            #expect(abs(Double(fields[1])! - Double(row[columns.0])!) < 1e-12, "\(target) \(fields[0])")
            #expect(abs(Double(fields[2])! - Double(row[columns.1])!) < 1e-12, "\(target) \(fields[0])")
            compared += 1
        }
        return compared
    }
}
