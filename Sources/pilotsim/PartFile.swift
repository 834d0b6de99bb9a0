import Foundation
import PilotModel
import PilotReport
import Simulator

/// A shard's part file (`run --shard I/N --out DIR` writes `DIR/part-I-of-N.pilotsim`):
///
///     pilotsim-part 1\n
///     {JSON header}\n
///     binary records\n
///     pilotsim-part-end\n
///
/// The header names the pilotsim version, the command, the scenario text exactly as read with its
/// SHA-256 and the `--set` overrides, the seed, the total run count, the shard (I of N) and its
/// runs (`first_run`, `runs`), and the record layout. Each record is one run, little-endian
/// IEEE-754 doubles: the drawn parameters, each target's deciding value, each target's first month
/// met (−1: never), each stage's increments of wallets, merchants and amount, and, when kept, every
/// metric at the end of every month (metric-major). `pilotsim merge` checks that the parts belong
/// together and writes the outputs of the whole simulation, byte for byte those of one process.
struct PartFile {
    struct Header: Codable, Equatable {
        var format = 1
        var pilotsimVersion: String
        var command: String
        var commandLine: String
        var scenario: String
        var scenarioText: String
        var scenarioSHA256: String
        var overrides: [String]
        /// The command's own arguments that the parts must share (a sweep's `--vary`, the runs…).
        var arguments: [String] = []
        var seed: UInt64
        var totalRuns: Int
        var shard: Int
        var shards: Int
        var firstRun: Int
        var runs: Int
        var keepsTrajectories: Bool
        var recordDoubles: Int
        /// For a part of rows of text (a sweep's shard of points): the payload's length in bytes.
        var payloadBytes: Int? = nil

        enum CodingKeys: String, CodingKey {
            case format, pilotsimVersion = "pilotsim_version", command, commandLine = "command_line", scenario
            case scenarioText = "scenario_text", scenarioSHA256 = "scenario_sha256", overrides, arguments, seed
            case totalRuns = "total_runs", shard, shards, firstRun = "first_run", runs
            case keepsTrajectories = "keeps_trajectories", recordDoubles = "record_doubles", payloadBytes = "payload_bytes"
        }
    }

    static let magic = "pilotsim-part 1\n", trailer = "pilotsim-part-end\n"

    /// Which runs shard `shard` of `shards` simulates out of `total`: contiguous, in order, sizes
    /// differing by at most one (a shard may have none when there are more shards than runs).
    static func runs(shard: Int, of shards: Int, total: Int) -> Range<Int> {
        (total * (shard - 1) / shards)..<(total * shard / shards)
    }

    /// The doubles of one run's record.
    static func recordDoubles(_ scenario: Scenario, trajectories: Bool) -> Int {
        let targets = scenario.targets.count
        return scenario.uncertainParameters.count + 2 * targets + scenario.calendar.stages.count * StageIncrement.metrics.count
            + (trajectories ? scenario.calendar.monthCount * scenario.metrics.count : 0)
    }

    /// The magic line and the header line.
    private static func start(_ header: Header) throws -> Data {
        var data = Data(magic.utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        data.append(try encoder.encode(header))
        data.append(0x0A)
        return data
    }

    /// A header for shard `shard` of `shards` of `command`, whose `total` units (runs, points,
    /// parameters or design rows) this shard holds `units` of.
    static func header(command: String, scenario: ScenarioOptions, arguments: [String], seed: UInt64, total: Int,
                       shard: Int, of shards: Int, units: Range<Int>, trajectories: Scenario? = nil) throws -> Header {
        let text = try scenario.document().text
        return Header(pilotsimVersion: PilotsimVersion.current, command: command, commandLine: CommandLineText.current(),
                      scenario: scenario.sourceName(), scenarioText: text, scenarioSHA256: SHA256.hex(text.utf8),
                      overrides: scenario.overrides, arguments: arguments, seed: seed, totalRuns: total, shard: shard, shards: shards,
                      firstRun: units.lowerBound, runs: units.count, keepsTrajectories: trajectories != nil,
                      recordDoubles: trajectories.map { recordDoubles($0, trajectories: true) } ?? 0)
    }

    /// Writes a text part (`encode(text:header:)`) as `DIR/part-I-of-N.pilotsim`.
    static func write(text: String, header: Header, into directory: String) throws {
        try OutputFiles(directory: directory, data: [("part-\(header.shard)-of-\(header.shards).pilotsim", try encode(text: text, header: header))]).write()
    }

    static func encode(_ result: SimulationResult, header: Header) throws -> Data {
        var data = try start(header)
        let s = result.scenario, width = result.uncertainParameters.count, months = s.calendar.monthCount
        var record = [Double]()
        record.reserveCapacity(header.recordDoubles * max(result.runs, 1))
        let trajectories = result.keepsTrajectories
            ? (0..<s.metrics.count).flatMap { m in (0..<months).map { result.trajectory(metric: m, month: $0) } } : []
        for run in 0..<result.runs {
            record += result.parameterValues[(run * width)..<((run + 1) * width)]
            record += result.targetValues.map { $0[run] }
            record += result.firstHit.map { Double($0[run]) }
            record += result.stageIncrements.flatMap { stage in stage.map { $0[run] } }
            record += trajectories.map { $0[run] }
        }
        record.withUnsafeBufferPointer { buffer in
            for x in buffer { withUnsafeBytes(of: x.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        data.append(contentsOf: Array(("\n" + trailer).utf8))
        return data
    }

    /// A part of text rows (`payloadBytes` set): the header, then the text.
    static func encode(text: String, header: Header) throws -> Data {
        var header = header
        header.payloadBytes = text.utf8.count
        var data = try start(header)
        data.append(contentsOf: Array(text.utf8))
        data.append(contentsOf: Array(("\n" + trailer).utf8))
        return data
    }

    /// A part file read back: its header, and its records as doubles (or its text rows).
    struct Contents {
        let header: Header
        let doubles: [Double]
        var text: String = ""
    }

    static func read(path: String) throws -> Contents {
        func refuse(_ message: String) -> ScenarioValidationError {
            ScenarioValidationError([ScenarioDiagnostic(location: SourceLocation(file: path, line: 1, column: 1), keyPath: "", message: message)])
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw refuse("cannot read the file; expected a part file") }
        guard data.starts(with: Data(magic.utf8)), let newline = data[magic.utf8.count...].firstIndex(of: 0x0A) else {
            throw refuse("not a pilotsim part file; expected one written by --shard")
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data[magic.utf8.count..<newline])
        } catch {
            throw refuse("the part file's header is damaged; expected one written by --shard")
        }
        let start = newline + 1
        let payload = header.payloadBytes ?? header.runs * header.recordDoubles * 8
        let end = Data(("\n" + trailer).utf8)
        guard data.count == start + payload + end.count, data[(start + payload)...] == end else {
            throw refuse("the part file is truncated or damaged (\(data.count) bytes; expected \(start + payload + end.count)); write it again")
        }
        if header.payloadBytes != nil {
            return Contents(header: header, doubles: [], text: String(decoding: data[start..<(start + payload)], as: UTF8.self))
        }
        var doubles = [Double](repeating: 0, count: header.runs * header.recordDoubles)
        data[start..<(start + payload)].withUnsafeBytes { raw in
            for i in doubles.indices {
                doubles[i] = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)))
            }
        }
        return Contents(header: header, doubles: doubles)
    }
}
