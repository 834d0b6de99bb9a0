import Crypto
import Foundation
import PilotModel
import PilotReport
import Simulator

/// A shard's part file (`run --shard I/N --out DIR` writes `DIR/part-I-of-N.pilotsim`):
///
///     pilotsim-part 5\n
///     {JSON header}\n
///     SHA-256 of the header line, in hexadecimal\n
///     payload: chunks, each followed by the 32 bytes of its SHA-256\n
///     pilotsim-part-end\n
///
/// The header names the pilotsim version, the command, the scenario text exactly as read with its
/// SHA-256 and the `--set` overrides, the analysis's inputs (JSON, for all but runs), the seed, the total count of units (runs, points, parameters
/// or design rows), the shard (I of N) and its units (`first_run`, `runs`), and the record's
/// length. A run part's payload is one chunk per block of the simulation (blocks end at multiples
/// of `block_runs` in run index), each chunk the block's records in the layout of `RunRecord`
/// (little-endian IEEE-754 doubles): the drawn parameters, each target's deciding value, each
/// target's first month met (−1: never), each stage's increments of wallets, merchants and amount,
/// and every metric at the end of every month (metric-major). The records are written as the
/// blocks are simulated and read back chunk by chunk, so neither side holds a shard in memory. A
/// sweep, tornado or sobol part's payload is one chunk of text (`payload_bytes` long): the
/// shard's partial result as JSON (`ShardableAnalysis`).
///
/// `pilotsim merge` checks every digest, the scenario text against its hash, the numbers against
/// what a simulation can write, and that the parts are the shards 1…N of one simulation; then it
/// writes the outputs of the whole simulation, byte for byte those of one process.
public struct PartFile {
    public struct Header: Codable, Equatable {
        public var format = PartFile.format
        public var pilotsimVersion: String
        public var command: String
        public var commandLine: String
        public var scenario: String
        public var scenarioText: String
        public var scenarioSHA256: String
        public var overrides: [String]
        /// The analysis's inputs as JSON with sorted keys (`ShardableAnalysis.Inputs`; `{}` for
        /// runs): the parts of one analysis carry the same text.
        public var inputs: String = "{}"
        public var seed: UInt64
        public var totalRuns: Int
        public var shard: Int
        public var shards: Int
        public var firstRun: Int
        public var runs: Int
        public var recordDoubles: Int
        /// For a run part: the simulation's block length, where its chunks end.
        public var blockRuns: Int? = nil
        /// For a part of text (a sweep's shard of points): the text's length in bytes.
        public var payloadBytes: Int? = nil

        public enum CodingKeys: String, CodingKey {
            case format
            case pilotsimVersion = "pilotsim_version"
            case command
            case commandLine = "command_line"
            case scenario
            case scenarioText = "scenario_text"
            case scenarioSHA256 = "scenario_sha256"
            case overrides, inputs, seed
            case totalRuns = "total_runs"
            case shard, shards
            case firstRun = "first_run"
            case runs
            case recordDoubles = "record_doubles"
            case blockRuns = "block_runs"
            case payloadBytes = "payload_bytes"
        }

        /// The record counts of the payload's chunks, in order (one chunk of text for a text part).
        public var chunks: [Int] {
            guard let blockRuns else { return [] }
            var counts: [Int] = []
            var next = firstRun
            while next < firstRun + runs {
                let end = min(firstRun + runs, (next / blockRuns + 1) * blockRuns)
                counts.append(end - next)
                next = end
            }
            return counts
        }

        /// The payload's length in bytes, digests included.
        public var payloadLength: Int {
            if let payloadBytes { return payloadBytes + digestBytes }
            return runs * recordDoubles * 8 + chunkCount * digestBytes
        }

        /// How many chunks the payload has, without listing them.
        private var chunkCount: Int {
            guard let blockRuns, runs > 0 else { return payloadBytes == nil ? 0 : 1 }
            return (firstRun + runs - 1) / blockRuns - firstRun / blockRuns + 1
        }

        /// Whether the numbers are ones `--shard` can write: at most `maximumShards` shards, 2³⁶
        /// units, records of at most 2²⁰ numbers, a text of at most `maximumTextBytes` (so that no
        /// length computed from them overflows, and nothing allocated for them is unbounded).
        public var isPlausible: Bool {
            let limit = 1 << 36
            let isRun = command == "run"
            return (1...PartFile.maximumShards).contains(shards) && (1...shards).contains(shard) && (0...limit).contains(totalRuns)
                && (0...totalRuns).contains(firstRun) && (0...(totalRuns - firstRun)).contains(runs)
                && (0...(1 << 20)).contains(recordDoubles)
                && (isRun
                    ? (totalRuns >= 1 && payloadBytes == nil && (1...(1 << 20)).contains(blockRuns ?? 0))
                    : (blockRuns == nil && (0...PartFile.maximumTextBytes).contains(payloadBytes ?? -1)))
        }
    }

    /// The version of the format, in the first line and the header; parts of another are refused.
    public static let format = 5
    public static let magic = "pilotsim-part \(format)\n"
    /// What follows the payload.
    public static let end = "\npilotsim-part-end\n"
    /// The length of a SHA-256 digest.
    public static let digestBytes = 32
    /// The longest header line: the 4 MiB scenario text, escaped in JSON.
    public static let maximumHeaderBytes = 32 << 20
    /// The longest text payload (a sweep's rows, a tornado's bars, a sobol design's values).
    public static let maximumTextBytes = 256 << 20
    /// The most shards `--shard` takes.
    public static let maximumShards = 100_000

    /// The SHA-256 of `bytes`.
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    /// The file name of shard `shard` of `shards`.
    public static func name(shard: Int, of shards: Int) -> String { "part-\(shard)-of-\(shards).pilotsim" }

    /// Which runs shard `shard` of `shards` simulates out of `total`: contiguous, in order, sizes
    /// differing by at most one (a shard may have none when there are more shards than runs).
    public static func runs(shard: Int, of shards: Int, total: Int) -> Range<Int> {
        (total * (shard - 1) / shards)..<(total * shard / shards)
    }

    /// The record a run part holds: every column `merge` needs for summary, monthly and runs.csv.
    public static func record(_ scenario: Scenario) -> RunRecord { RunRecord(scenario, parameters: true, trajectories: true) }

    /// The magic line, the header line and the header's digest line.
    public static func start(_ header: Header) throws -> String {
        let line = try json(header)
        return magic + line + "\n" + ContentDigest.hex(line.utf8) + "\n"
    }

    /// A header for shard `shard` of `shards` of `command`, whose `total` units (runs, points,
    /// parameters or design rows) this shard holds `units` of, each a `record` (for runs).
    public static func header(
        command: String, commandLine: String, scenario: String, scenarioText: String, overrides: [String], inputs: String = "{}",
        seed: UInt64, total: Int, shard: Int, of shards: Int, units: Range<Int>, record: RunRecord? = nil
    ) -> Header {
        Header(
            pilotsimVersion: PilotsimVersion.current, command: command, commandLine: commandLine,
            scenario: scenario, scenarioText: scenarioText, scenarioSHA256: ContentDigest.hex(scenarioText.utf8),
            overrides: overrides, inputs: inputs, seed: seed, totalRuns: total, shard: shard, shards: shards,
            firstRun: units.lowerBound, runs: units.count, recordDoubles: record?.width ?? 0,
            blockRuns: record == nil ? nil : MonteCarlo.blockRuns)
    }

    /// `value` as JSON with sorted keys: the same bytes in every process (inputs and partial results).
    public static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Writes a text part as `DIR/part-I-of-N.pilotsim`.
    public static func write(text: String, header: Header, into directory: String) throws {
        var header = header
        header.payloadBytes = text.utf8.count
        var payload = Data(text.utf8)
        payload.append(contentsOf: payload.withUnsafeBytes { digest($0) })
        var contents = Data(try start(header).utf8)
        contents.append(payload)
        contents.append(contentsOf: end.utf8)
        try OutputFiles(directory: directory, data: [(name(shard: header.shard, of: header.shards), contents)]).write()
    }

    /// Appends a block's records as one chunk, with its digest.
    public static func write(_ block: RunBlock, to file: StreamedFile) throws {
        let width = block.record.width
        var bytes = [UInt64](repeating: 0, count: block.count * width)
        for row in 0..<block.count {
            for column in 0..<width { bytes[row * width + column] = block[row, column].bitPattern.littleEndian }
        }
        try bytes.withUnsafeBytes { chunk in
            try file.write(chunk)
            try digest(chunk).withUnsafeBytes { try file.write($0) }
        }
    }
}
