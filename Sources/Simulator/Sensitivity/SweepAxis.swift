import Foundation
import PilotModel

/// One `--vary KEY.PATH=SPEC` of a sweep: a numeric key path and the values it takes.
///
/// SPEC is `FROM:TO:STEPS` (evenly spaced, both ends included), `FROM:TO:STEPS:log` (evenly spaced
/// in the logarithm; FROM, TO > 0), or a list `v1,v2,v3`.
public struct SweepAxis: Sendable, Equatable {
    public let path: String
    public let values: [Double]

    public init(path: String, values: [Double]) {
        self.path = path
        self.values = values
    }

    /// Parses `KEY.PATH=SPEC`; the error says what was expected.
    public init(parsing argument: String) throws(SweepSpecError) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw SweepSpecError(argument: argument, problem: "has no KEY.PATH=SPEC")
        }
        path = String(argument[..<equals])
        values = try Self.values(of: String(argument[argument.index(after: equals)...]), argument: argument)
    }

    private static func values(of spec: String, argument: String) throws(SweepSpecError) -> [Double] {
        func number(_ text: Substring) throws(SweepSpecError) -> Double {
            guard let value = decimalNumber(text.trimmingCharacters(in: .whitespaces)) else {
                throw SweepSpecError(argument: argument, problem: "'\(text)' is not a number")
            }
            return value
        }
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1 {
            let items = spec.split(separator: ",", omittingEmptySubsequences: false)
            var values: [Double] = []
            for item in items { values.append(try number(item)) }
            return values
        }
        guard parts.count == 3 || (parts.count == 4 && parts[3] == "log") else {
            throw SweepSpecError(argument: argument, problem: "'\(spec)' is not a range")
        }
        let from = try number(parts[0]), to = try number(parts[1])
        guard let steps = Int(parts[2]), steps >= 2, steps <= 10_000 else {
            throw SweepSpecError(argument: argument, problem: "STEPS '\(parts[2])' is not a whole number from 2 to 10000")
        }
        let logarithmic = parts.count == 4
        if logarithmic && !(from > 0 && to > 0) {
            throw SweepSpecError(argument: argument, problem: "a log range needs FROM > 0 and TO > 0")
        }
        return (0..<steps).map { i in
            if i == 0 { return from }
            if i == steps - 1 { return to }
            let t = Double(i) / Double(steps - 1)
            return shortestNearby(logarithmic ? exp(log(from) + t * (log(to) - log(from))) : from + t * (to - from))
        }
    }
}

/// A sweep argument that is not `KEY.PATH=SPEC`: the argument and what is wrong with it.
public struct SweepSpecError: Error {
    public let argument: String
    public let problem: String
}

/// `x` rounded to 15 significant digits: an interior point of a range is meant as a decimal
/// (0.009, not 0.009000000000000001 from 0.002 + 7 × 0.001), and 15 digits are within one or two
/// units in the last place of any double.
func shortestNearby(_ x: Double) -> Double {
    Double(String(format: "%.15g", x)) ?? x
}
