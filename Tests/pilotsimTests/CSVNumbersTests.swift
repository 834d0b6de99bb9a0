import Foundation
import PilotModel
import TestSupport
import Testing

/// The CSV files hold numbers without binary noise: every number parses back, has at most 15
/// significant digits, and a whole number prints without a fraction.
struct CSVNumbersTests {
    /// Significant digits of a decimal as written (`0.0500` → 3, `367156.4` → 7, `2.5e-07` → 2).
    private func significantDigits(_ text: String) -> Int {
        let mantissa = text.split(whereSeparator: { $0 == "e" || $0 == "E" }).first.map(String.init) ?? text
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
        return max(1, digits.count)
    }

    @Test func noBinaryNoiseInAnyNumber() throws {
        // The values the issue found printed with binary noise.
        #expect(formatNumber(367156.39999999997) == "367156.4")
        #expect(formatNumber(0.1 - 0.05 + 0.000000000000000044) == "0.05")
        #expect(formatNumber(120000) == "120000")
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = InProcess.run("run", "--prior", "--runs", "300", "--quiet", "--out", dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        var checked = 0
        // The number columns of each file, by their names.
        let numeric: Set<String> = [
            "threshold", "p_met", "ci_low", "ci_high", "median", "p05", "p10", "p25", "p50", "p75", "p90", "p95",
            "never_share", "mean", "sd",
        ]
        for name in ["summary.csv", "joint.csv", "stages.csv", "monthly.csv"] {
            let rows = parseCSV(try String(contentsOfFile: dir.appendingPathComponent(name).path, encoding: .utf8))
            let columns = rows[0].indices.filter { numeric.contains(rows[0][$0]) }
            #expect(!columns.isEmpty, "\(name)")
            for row in rows.dropFirst() {
                for field in columns.map({ row[$0] }) {
                    let value = try #require(decimalNumber(field), "\(name): \(field) does not parse back")
                    #expect(significantDigits(field) <= 15, "\(name): \(field)")
                    if value == value.rounded() && abs(value) < 1e15 { #expect(!field.contains(".") && !field.contains("e"), "\(name): \(field)") }
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }
}
