import ArgumentParser
import Foundation
import PilotModel
import Simulator

/// The one grammar of a number to vary (`sweep --vary`, `solve --vary`, `report --sweep`):
///
///     KEY.PATH                      the number itself (solve looks in its natural range)
///     KEY.PATH=LOW:HIGH             a range to search (solve)
///     KEY.PATH=FROM:TO:STEPS        evenly spaced points, both ends included (sweep)
///     KEY.PATH=FROM:TO:STEPS:log    evenly spaced in the logarithm; FROM, TO > 0 (sweep)
///     KEY.PATH=v1,v2,…              the points given (sweep)
///
/// Each command takes the forms it can use and refuses the others, naming its option.
struct VaryArgument {
    enum Values: Equatable {
        case none
        case range(ClosedRange<Double>)
        case points([Double])
    }

    let path: String
    let values: Values

    /// The grammar, for messages.
    static let forms = "KEY.PATH=FROM:TO:STEPS, KEY.PATH=FROM:TO:STEPS:log, KEY.PATH=v1,v2,… or (solve) KEY.PATH[=LOW:HIGH]"

    /// Parses `argument` of `option` (the name used in errors).
    init(_ argument: String, option: String) throws {
        func refuse(_ problem: String) -> ValidationError { ValidationError("\(option) \(argument): \(problem); expected \(Self.forms)") }
        func number(_ text: Substring) throws -> Double {
            guard let value = decimalNumber(text.trimmingCharacters(in: .whitespaces)) else { throw refuse("'\(text)' is not a number") }
            return value
        }
        guard let equals = argument.firstIndex(of: "=") else {
            guard !argument.isEmpty else { throw refuse("no KEY.PATH") }
            (path, values) = (argument, .none)
            return
        }
        guard equals != argument.startIndex else { throw refuse("no KEY.PATH") }
        path = String(argument[..<equals])
        let spec = argument[argument.index(after: equals)...]
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            values = .points(try spec.split(separator: ",", omittingEmptySubsequences: false).map(number))
        case 2:
            let low = try number(parts[0]), high = try number(parts[1])
            guard low < high else { throw refuse("LOW must be below HIGH") }
            values = .range(low...high)
        case 3, 4:
            guard parts.count == 3 || parts[3] == "log" else { throw refuse("'\(spec)' is not a range") }
            let from = try number(parts[0]), to = try number(parts[1])
            guard let steps = Int(parts[2]), (2...10_000).contains(steps) else { throw refuse("STEPS '\(parts[2])' is not a whole number from 2 to 10000") }
            let logarithmic = parts.count == 4
            if logarithmic && !(from > 0 && to > 0) { throw refuse("a log range needs FROM > 0 and TO > 0") }
            values = .points(
                (0..<steps).map { i in
                    if i == 0 { return from }
                    if i == steps - 1 { return to }
                    let t = Double(i) / Double(steps - 1)
                    // An interior point is meant as a decimal (0.009, not 0.009000000000000001).
                    return fifteenDigits(logarithmic ? exp(log(from) + t * (log(to) - log(from))) : from + t * (to - from))
                })
        default:
            throw refuse("'\(spec)' is not a range")
        }
    }

    /// The axis of a sweep: points only.
    func sweepAxis(option: String) throws -> SweepAxis {
        guard case .points(let points) = values else {
            throw ValidationError("\(option) \(path)…: a sweep takes points; expected KEY.PATH=FROM:TO:STEPS, KEY.PATH=FROM:TO:STEPS:log or KEY.PATH=v1,v2,…")
        }
        return SweepAxis(path: path, values: points)
    }

    /// What solve searches: the number, and the range given (nil for its natural one).
    func solveRange(option: String) throws -> ClosedRange<Double>? {
        switch values {
        case .none: return nil
        case .range(let range): return range
        case .points: throw ValidationError("\(option) \(path)…: solve searches a range; expected KEY.PATH or KEY.PATH=LOW:HIGH with LOW < HIGH")
        }
    }
}
