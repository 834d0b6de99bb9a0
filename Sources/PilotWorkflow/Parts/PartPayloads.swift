import Foundation
import PilotModel
import PilotReport
import Simulator

/// The payloads of sweep, tornado and sobol parts, read back and checked against what the
/// analysis of the part's own scenario and arguments writes: the right rows, bars or values for
/// the shard's units, in order, each a number that analysis can produce.
public enum PartPayloads {
    /// The value of `name` (`--vary`, `--runs`…) among a header's arguments, each "NAME VALUE".
    public static func arguments(_ name: String, in header: PartFile.Header) -> [String] {
        header.arguments.compactMap { $0.hasPrefix(name + " ") ? String($0.dropFirst(name.count + 1)) : nil }
    }

    /// A sweep part's rows without the CSV header line, as text and as numbers, after checking
    /// that they are exactly the rows of its points: point number, axis values and target in
    /// order, probabilities in [0, 1] with the interval around them, quantiles in order.
    public static func sweepRows(_ part: PartFile.Reader, sweep: Simulator.Sweep) throws -> (text: String, rows: [SweepReport.Row]) {
        let text = try part.text()
        let damaged = { (problem: String) in PartFileError(part.path, at: part.payloadStart, "the sweep rows are damaged: \(problem); write the part again") }
        let bytes = Array(text.utf8), crlf = Array("\r\n".utf8)
        guard bytes.count >= 2, bytes.suffix(2).elementsEqual(crlf) else { throw damaged("the last row does not end in CRLF") }
        // Lines end in CRLF; a CR or LF anywhere else makes a line that fails the checks below.
        var lines: [String] = []
        var start = 0
        for i in 0..<(bytes.count - 1) where bytes[i] == crlf[0] && bytes[i + 1] == crlf[1] {
            lines.append(String(decoding: bytes[start..<i], as: UTF8.self))
            start = i + 2
        }
        let header = String(decoding: SweepReport.csv(sweep, []).utf8.dropLast(2), as: UTF8.self)
        let targets = sweep.base.targets
        let points = PartFile.runs(shard: part.header.shard, of: part.header.shards, total: sweep.points.count)
        guard lines.first.map({ $0 == header }) == true else { throw damaged("the header line is not the sweep's") }
        guard lines.count == 1 + points.count * targets.count else {
            throw damaged("\(lines.count - 1) rows; expected \(points.count * targets.count) (\(points.count) points × \(targets.count) targets)")
        }
        var rows: [SweepReport.Row] = []
        for (k, line) in lines.dropFirst().enumerated() {
            let point = points.lowerBound + k / targets.count, target = targets[k % targets.count]
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let expected = [String(point)] + sweep.points[point].map(formatNumber) + [target.id]
            guard fields.count == expected.count + 6, Array(fields.prefix(expected.count)) == expected else {
                throw damaged("row \(k + 1) is not point \(point), target \(target.id)")
            }
            let numbers = fields.suffix(6).compactMap(decimalNumber)
            guard numbers.count == 6, numbers[1] <= numbers[0], numbers[0] <= numbers[2], (0...1).contains(numbers[1]),
                (0...1).contains(numbers[2]), numbers[4] <= numbers[3], numbers[3] <= numbers[5]
            else {
                throw damaged("row \(k + 1) has numbers no sweep writes")
            }
            rows.append(
                SweepReport.Row(
                    point: point, targetID: target.id, probability: numbers[0], low: numbers[1], high: numbers[2],
                    median: numbers[3], p05: numbers[4], p95: numbers[5]))
        }
        return (lines.dropFirst().map { $0 + "\r\n" }.joined(), rows)
    }

    /// A tornado part's bars, target by target, after checking that they are one bar for each of
    /// its shard's parameters, in order, with probabilities in [0, 1].
    public static func tornadoBars(_ part: PartFile.Reader, tornado: Simulator.Tornado) throws -> [[Simulator.Tornado.Bar]] {
        let damaged = { (problem: String) in PartFileError(part.path, at: part.payloadStart, "the tornado bars are damaged: \(problem); write the part again") }
        guard let bars = try? JSONDecoder().decode([[Simulator.Tornado.Bar]].self, from: Data(try part.text().utf8)) else {
            throw damaged("they are not the bars' JSON")
        }
        let positions = PartFile.runs(shard: part.header.shard, of: part.header.shards, total: tornado.parameters.count)
        let expected = tornado.parameters[positions].map { tornado.scenario.parameters[$0].keyPath }
        guard bars.count == tornado.scenario.targets.count else { throw damaged("\(bars.count) targets; expected \(tornado.scenario.targets.count)") }
        for targetBars in bars {
            guard targetBars.map(\.parameter) == expected else { throw damaged("the bars are not one for each of the shard's parameters, in order") }
            for bar in targetBars {
                guard (0...1).contains(bar.lowProbability), (0...1).contains(bar.highProbability), bar.lowValue.isFinite, bar.highValue.isFinite,
                    bar.swingStandardError.isFinite, (0...1).contains(bar.swingStandardError)
                else {
                    throw damaged("the bar of \(bar.parameter) has numbers no tornado writes")
                }
            }
        }
        return bars
    }

    /// The largest deciding value a sobol part may hold: far beyond any simulation (an amount of
    /// 10³⁰ yuan), small enough that sums of squares over every design row stay finite.
    public static let largestSobolValue = 1e30

    /// A sobol part's values (`[target][row]`), after checking that there is one finite value per
    /// target and row of its shard.
    public static func sobolValues(_ part: PartFile.Reader, targets: Int) throws -> [[Double]] {
        let damaged = { (problem: String) in PartFileError(part.path, at: part.payloadStart, "the sobol values are damaged: \(problem); write the part again") }
        guard let rows = try? JSONDecoder().decode([[Double]].self, from: Data(try part.text().utf8)) else { throw damaged("they are not the values' JSON") }
        guard rows.count == targets, rows.allSatisfy({ $0.count == part.header.runs }) else {
            throw damaged("expected \(targets) targets × \(part.header.runs) rows")
        }
        guard rows.allSatisfy({ $0.allSatisfy { abs($0) <= largestSobolValue } }) else { throw damaged("a value no simulation writes") }
        return rows
    }
}
