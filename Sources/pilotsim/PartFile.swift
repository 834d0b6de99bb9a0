import Foundation
import PilotModel
import PilotReport
import Simulator

/// A shard's part file (`run --shard I/N --out DIR` writes `DIR/part-I-of-N.pilotsim`):
///
///     pilotsim-part 2\n
///     {JSON header}\n
///     binary records\n
///     pilotsim-part-end\n
///
/// The header names the pilotsim version, the command, the scenario text exactly as read with its
/// SHA-256 and the `--set` overrides, the seed, the total run count, the shard (I of N) and its
/// runs (`first_run`, `runs`), and the record's length. Each record is one run in the layout of
/// `RunRecord` (parameters and every month included), little-endian IEEE-754 doubles: the drawn
/// parameters, each target's deciding value, each target's first month met (−1: never), each
/// stage's increments of wallets, merchants and amount, and every metric at the end of every
/// month (metric-major). The records are written as the blocks are simulated and read back block
/// by block, so neither side holds a shard in memory. `pilotsim merge` checks that the parts
/// belong together and writes the outputs of the whole simulation, byte for byte those of one
/// process. Sweep, tornado and sobol parts carry text rows instead (`payload_bytes`).
struct PartFile {
    struct Header: Codable, Equatable {
        var format = 2
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
        var recordDoubles: Int
        /// For a part of rows of text (a sweep's shard of points): the payload's length in bytes.
        var payloadBytes: Int? = nil

        enum CodingKeys: String, CodingKey {
            case format, pilotsimVersion = "pilotsim_version", command, commandLine = "command_line", scenario
            case scenarioText = "scenario_text", scenarioSHA256 = "scenario_sha256", overrides, arguments, seed
            case totalRuns = "total_runs", shard, shards, firstRun = "first_run", runs
            case recordDoubles = "record_doubles", payloadBytes = "payload_bytes"
        }

        /// The payload's length in bytes.
        var payloadLength: Int { payloadBytes ?? runs * recordDoubles * 8 }

        /// Whether the numbers are ones `--shard` can write: at most 2³⁶ units in all, records
        /// of at most 2²⁰ numbers (so that no length computed from them overflows).
        var isPlausible: Bool {
            let limit = 1 << 36
            return (1...limit).contains(shards) && (1...shards).contains(shard) && (0...limit).contains(totalRuns)
                && (0...totalRuns).contains(firstRun) && (0...(totalRuns - firstRun)).contains(runs)
                && (0...(1 << 20)).contains(recordDoubles) && (0...limit).contains(payloadBytes ?? 0)
                && (command != "run" || totalRuns >= 1)
        }
    }

    static let magic = "pilotsim-part 3\n"
    /// What follows the payload.
    static let end = "\npilotsim-part-end\n"

    /// A part file refused: the error, located at the file's start.
    static func refuse(_ path: String, _ message: String) -> ScenarioValidationError {
        ScenarioValidationError([ScenarioDiagnostic(location: SourceLocation(file: path, line: 1, column: 1), keyPath: "", message: message)])
    }

    /// The file name of shard `shard` of `shards`.
    static func name(shard: Int, of shards: Int) -> String { "part-\(shard)-of-\(shards).pilotsim" }

    /// Which runs shard `shard` of `shards` simulates out of `total`: contiguous, in order, sizes
    /// differing by at most one (a shard may have none when there are more shards than runs).
    static func runs(shard: Int, of shards: Int, total: Int) -> Range<Int> {
        (total * (shard - 1) / shards)..<(total * shard / shards)
    }

    /// The record a run part holds: every column `merge` needs for summary, monthly and runs.csv.
    static func record(_ scenario: Scenario) -> RunRecord { RunRecord(scenario, parameters: true, trajectories: true) }

    /// The magic line and the header line.
    static func start(_ header: Header) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return magic + String(decoding: try encoder.encode(header), as: UTF8.self) + "\n"
    }

    /// A header for shard `shard` of `shards` of `command`, whose `total` units (runs, points,
    /// parameters or design rows) this shard holds `units` of, each a `record` (for runs).
    static func header(command: String, scenario: ScenarioOptions, arguments: [String], seed: UInt64, total: Int,
                       shard: Int, of shards: Int, units: Range<Int>, record: RunRecord? = nil) throws -> Header {
        let text = try scenario.document().text
        return Header(pilotsimVersion: PilotsimVersion.current, command: command, commandLine: CommandLineText.current(),
                      scenario: scenario.sourceName(), scenarioText: text, scenarioSHA256: ContentDigest.hex(text.utf8),
                      overrides: scenario.overrides, arguments: arguments, seed: seed, totalRuns: total, shard: shard, shards: shards,
                      firstRun: units.lowerBound, runs: units.count, recordDoubles: record?.width ?? 0)
    }

    /// Writes a text part as `DIR/part-I-of-N.pilotsim`.
    static func write(text: String, header: Header, into directory: String) throws {
        var header = header
        header.payloadBytes = text.utf8.count
        let contents = try start(header) + text + end
        try OutputFiles(directory: directory, files: [(name(shard: header.shard, of: header.shards), contents)]).write()
    }

    /// Appends a block's records, row by row.
    static func write(_ block: RunBlock, to file: StreamedFile) throws {
        let width = block.record.width
        var bytes = [UInt64](repeating: 0, count: block.count * width)
        for row in 0..<block.count {
            for column in 0..<width { bytes[row * width + column] = block[row, column].bitPattern.littleEndian }
        }
        try bytes.withUnsafeBytes { try file.write($0) }
    }

    /// A part file for reading: its header checked, its payload read on demand (the file is open
    /// only while it is read, so that any number of parts can be merged).
    struct Reader {
        let path: String
        let header: Header
        private let payloadStart: Int

        init(path: String) throws {
            guard let file = fopen(path, "rb") else { throw PartFile.refuse(path, "cannot read the file; expected a part file") }
            defer { fclose(file) }
            (header, payloadStart) = try Self.readHeader(file, path: path)
            self.path = path
        }

        /// The file, open at the payload's start, for `body`.
        private func withPayload<T>(_ body: (UnsafeMutablePointer<FILE>) throws -> T) throws -> T {
            guard let file = fopen(path, "rb") else { throw OutputFiles.posixError() }
            defer { fclose(file) }
            guard fseeko(file, off_t(payloadStart), SEEK_SET) == 0 else { throw OutputFiles.posixError() }
            return try body(file)
        }

        /// The header, and where the payload starts, after checking the file's length and its end.
        private static func readHeader(_ file: UnsafeMutablePointer<FILE>, path: String) throws -> (Header, Int) {
            // The magic line, then the header line (the scenario's text is in it: read to its end).
            var line: UnsafeMutablePointer<CChar>?
            var capacity = 0
            defer { free(line) }
            let magicLength = getline(&line, &capacity, file)
            guard magicLength > 0, let magicLine = line, String(cString: magicLine) == magic else {
                throw PartFile.refuse(path, "not a pilotsim part file of this version; expected one written by --shard of pilotsim \(PilotsimVersion.current)")
            }
            let headerLength = getline(&line, &capacity, file)
            guard headerLength > 0, let headerLine = line,
                  let header = try? JSONDecoder().decode(Header.self, from: Data(bytes: headerLine, count: headerLength)),
                  header.isPlausible else {
                throw PartFile.refuse(path, "the part file's header is damaged; expected one written by --shard")
            }
            let payloadStart = magicLength + headerLength
            var status = stat()
            let expected = payloadStart + header.payloadLength + end.utf8.count
            var trailer = [UInt8](repeating: 0, count: end.utf8.count)
            guard fstat(fileno(file), &status) == 0, Int(status.st_size) == expected,
                  fseeko(file, off_t(expected - trailer.count), SEEK_SET) == 0,
                  fread(&trailer, 1, trailer.count, file) == trailer.count, trailer == Array(end.utf8) else {
                throw PartFile.refuse(path, "the part file is truncated or damaged (\(Int(status.st_size)) bytes; expected \(expected)); write it again")
            }
            return (header, payloadStart)
        }

        /// The rows of a text part.
        func text() throws -> String {
            var bytes = [UInt8](repeating: 0, count: header.payloadLength)
            try withPayload { file in
                guard fread(&bytes, 1, bytes.count, file) == bytes.count else { throw OutputFiles.posixError() }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Reads the records into `block`, a block at a time (rows numbered from `first_run`), and
        /// hands each to `body`; refuses records no simulation writes (a number that is not
        /// finite, a first month met outside the calendar).
        func forEachBlock(_ block: RunBlock, _ body: (RunBlock) throws -> Void) throws {
            let width = block.record.width
            precondition(width == header.recordDoubles)
            try withPayload { file in try readRecords(file, into: block, body) }
        }

        private func readRecords(_ file: UnsafeMutablePointer<FILE>, into block: RunBlock, _ body: (RunBlock) throws -> Void) throws {
            let width = block.record.width
            var buffer = [UInt64](repeating: 0, count: block.capacity * width)
            var done = 0
            while done < header.runs {
                let count = min(block.capacity, header.runs - done)
                guard fread(&buffer, 8 * width, count, file) == count else { throw OutputFiles.posixError() }
                block.reset(first: header.firstRun + done, count: count)
                let firstHits = block.record.firstHitOffset..<block.record.incrementOffset, months = Double(block.record.months)
                for row in 0..<count {
                    for column in 0..<width {
                        let value = Double(bitPattern: UInt64(littleEndian: buffer[row * width + column]))
                        let isFirstHit = firstHits.contains(column)
                        guard value.isFinite, !isFirstHit || (value == value.rounded() && (-1..<months).contains(value)) else {
                            throw PartFile.refuse(path, "run \(header.firstRun + done + row) of the part is damaged; write the part again")
                        }
                        block[row, column] = value
                    }
                }
                try body(block)
                done += count
            }
        }
    }
}
