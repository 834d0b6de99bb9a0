import ArgumentParser
import PilotModel
import Testing

@testable import pilotsim

/// The one `--vary` grammar, in-process: what each form gives, and what each command refuses.
struct VaryArgumentTests {
    private func points(_ argument: String) throws -> [Double] {
        try VaryArgument(argument, option: "--vary").sweepAxis(option: "--vary").values
    }

    @Test func formsGiveTheirValues() throws {
        #expect(try points("a.b=0:1:5") == [0, 0.25, 0.5, 0.75, 1])
        let log = try points("a.b=0.01:1:3:log")
        #expect(log[0] == 0.01 && abs(log[1] - 0.1) < 1e-15 && log[2] == 1)
        #expect(try points("campaigns[0].winners=1000,2e4,30000") == [1000, 20000, 30000])
        #expect(try points("a.b=0.5") == [0.5])
        // Interior points are the decimals meant, not their rounding noise.
        let line = try points("a.b=0.002:0.03:29")
        #expect(line[7] == 0.009 && line.map(formatNumber)[7] == "0.009")
        #expect(line.map(formatNumber).allSatisfy { $0.count <= 5 }, "\(line.map(formatNumber))")
        #expect(try VaryArgument("a.b", option: "--vary").solveRange(option: "--vary") == nil)
        #expect(try VaryArgument("a.b=0.01:0.1", option: "--vary").solveRange(option: "--vary") == 0.01...0.1)
    }

    @Test func badArgumentsSayWhatWasExpected() {
        for (argument, problem) in [
            ("a.b=0:1:1", "STEPS '1' is not a whole number from 2 to 10000"),
            ("a.b=0:1:5:log", "a log range needs FROM > 0 and TO > 0"),
            ("a.b=0:1:5:lin", "'0:1:5:lin' is not a range"),
            ("a.b=1,x", "'x' is not a number"),
            ("a.b=0x10:0x20:3", "'0x10' is not a number"),
            ("a.b=5,7junk", "'7junk' is not a number"),
            ("a.b=2:1", "LOW must be below HIGH"),
            ("=1,2", "no KEY.PATH"),
        ] {
            do {
                _ = try VaryArgument(argument, option: "--vary")
                Issue.record("\(argument) accepted")
            } catch let error as ValidationError {
                #expect(error.message == "--vary \(argument): \(problem); expected \(VaryArgument.forms)")
            } catch {
                Issue.record("\(error)")
            }
        }
        // A sweep takes points, solve a range.
        #expect(throws: ValidationError.self) { try VaryArgument("a.b=0.1:0.2", option: "--vary").sweepAxis(option: "--vary") }
        #expect(throws: ValidationError.self) { try VaryArgument("a.b", option: "--vary").sweepAxis(option: "--vary") }
        #expect(throws: ValidationError.self) { try VaryArgument("a.b=1,2", option: "--vary").solveRange(option: "--vary") }
    }
}
