import Foundation
import TestSupport
import Testing

@testable import PilotModel

/// A value is a decimal number and nothing else, wherever a person writes one; files of reported
/// figures are read as Excel and pilotsim write them (CRLF, a byte-order mark).
struct NumberParsingTests {
    @Test(arguments: [("150000", 150_000.0), ("-0.5", -0.5), (".25", 0.25), ("2e8", 2e8), ("1.5E-3", 0.0015), ("+7.", 7.0)])
    func decimalsAreRead(text: String, value: Double) {
        #expect(decimalNumber(text) == value)
    }

    @Test(arguments: ["0x10", "0x249F0", "150000\0xyz", "150000 xyz", "inf", "nan", "1e", ".", "", "1e400", "--1", "1,5", "１２"])
    func anythingElseIsRefused(text: String) {
        #expect(decimalNumber(text) == nil)
    }

    @Test func hexAndTrailingTextAreRefusedInScenariosAndFigures() throws {
        let scenario = try Scenario.baseline()
        #expect(throws: ScenarioValidationError.self) {
            try Scenario.baseline(overrides: [ScenarioOverride("campaigns[0].winners=0x10", source: "--set")])
        }
        for value in ["0x249F0", "150000\0xyz"] {
            let error = #expect(throws: ScenarioValidationError.self) {
                try ObservationFile.parse("month,metric,value\n2023-08,wallets,\(value)\n", file: "f.csv", scenario: scenario)
            }
            #expect(error?.description.hasPrefix("f.csv:2:17: error:") == true, "\(error?.description ?? "")")
        }
    }

    /// A file saved by Excel: a UTF-8 byte-order mark and CRLF line ends.
    @Test func crlfAndAByteOrderMarkAreAccepted() throws {
        let scenario = try Scenario.baseline()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("\u{FEFF}month,metric,value,rel_error\r\n2023-08,wallets,166200,0.02\r\n2023-08,merchants,3662\r\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let figures = try ObservationFile.load(path: path, scenario: scenario)
        #expect(figures.map(\.value) == [166_200, 3_662])
        #expect(figures.map(\.relativeError) == [0.02, ObservationFile.defaultRelativeError])
        #expect(figures.map(\.location.line) == [2, 3])
    }
}
