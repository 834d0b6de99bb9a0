import Foundation
import PilotModel
import PilotReport
import Simulator

extension PartFile {
    /// A part file for reading: its header checked (digest, plausibility, length, end, scenario
    /// hash), its payload read on demand and checked chunk by chunk (the file is open only while
    /// it is read, so that any number of parts can be merged). Every problem is a `PartFileError`
    /// at the byte where it is.
    public struct Reader {
        public let path: String
        public let header: Header
        /// Where the payload starts in the file (the offset of its first chunk).
        public let payloadStart: Int

        public init(path: String) throws {
            guard let file = fopen(path, "rb") else {
                throw PartFileError(path, "cannot read the file (\(String(cString: strerror(errno)))); expected a part file")
            }
            defer { fclose(file) }
            (header, payloadStart) = try Self.readHeader(file, path: path)
            self.path = path
        }

        /// The file, open at the payload's start, for `body`.
        private func withPayload<T>(_ body: (UnsafeMutablePointer<FILE>) throws -> T) throws -> T {
            guard let file = fopen(path, "rb") else { throw PartFileError(path, "cannot read the file any more (\(String(cString: strerror(errno))))") }
            defer { fclose(file) }
            guard fseeko(file, off_t(payloadStart), SEEK_SET) == 0 else { throw PartFileError(path, at: payloadStart, "cannot seek to the payload") }
            return try body(file)
        }

        /// Reads `count` bytes at the current position, or says the file ended at `offset`.
        private static func read(_ file: UnsafeMutablePointer<FILE>, _ count: Int, path: String, at offset: Int) throws -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            guard fread(&bytes, 1, count, file) == count else { throw PartFileError(path, at: offset, "the file ends early; it is truncated") }
            return bytes
        }

        /// The line from the current position, without its newline, read at most `limit` bytes
        /// far (never more is held), or nil when no newline comes within `limit` bytes.
        private static func line(_ file: UnsafeMutablePointer<FILE>, limit: Int) -> [UInt8]? {
            var line: [UInt8] = []
            var piece = [UInt8](repeating: 0, count: 1 << 16)
            while line.count <= limit {
                let count = fread(&piece, 1, piece.count, file)
                guard count > 0 else { return nil }
                if let newline = piece[..<count].firstIndex(of: UInt8(ascii: "\n")) {
                    line += piece[..<newline]
                    // Back to just after the newline.
                    fseeko(file, off_t(newline + 1 - count), SEEK_CUR)
                    return line.count <= limit ? line : nil
                }
                line += piece[..<count]
            }
            return nil
        }

        /// The header, and where the payload starts.
        private static func readHeader(_ file: UnsafeMutablePointer<FILE>, path: String) throws -> (Header, Int) {
            var status = stat()
            guard fstat(fileno(file), &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
                throw PartFileError(path, "not a regular file; expected a part file written by --shard")
            }
            let size = Int(status.st_size)
            let magicBytes = Array(magic.utf8)
            var start = [UInt8](repeating: 0, count: magicBytes.count)
            let got = fread(&start, 1, start.count, file)
            guard got == magicBytes.count, start == magicBytes else {
                let prefix = Array("pilotsim-part ".utf8)
                let version =
                    Array(start[..<got]).starts(with: prefix)
                    ? " (format \(String(decoding: start[prefix.count..<got], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))" : ""
                throw PartFileError(
                    path,
                    "not a part file of this version\(version); expected one written by --shard of pilotsim \(PilotsimVersion.current) (format \(PartFile.format))"
                )
            }
            let headerStart = magicBytes.count
            guard let headerLine = line(file, limit: maximumHeaderBytes) else {
                throw PartFileError(
                    path, at: headerStart, "the header line is damaged or longer than \(maximumHeaderBytes) bytes; expected one written by --shard")
            }
            let digestStart = headerStart + headerLine.count + 1
            guard let digestLine = line(file, limit: 64), String(decoding: digestLine, as: UTF8.self) == ContentDigest.hex(headerLine) else {
                throw PartFileError(path, at: digestStart, "the header does not match its SHA-256; the part is damaged or was edited")
            }
            guard let header = try? JSONDecoder().decode(Header.self, from: Data(headerLine)), header.format == PartFile.format, header.isPlausible else {
                throw PartFileError(path, at: headerStart, "the header's numbers are not ones --shard writes; expected a header written by --shard")
            }
            guard ContentDigest.hex(header.scenarioText.utf8) == header.scenarioSHA256 else {
                throw PartFileError(path, at: headerStart, "the scenario text does not match its scenario_sha256; the part was edited or damaged")
            }
            let payloadStart = digestStart + 65
            let expected = payloadStart + header.payloadLength + end.utf8.count
            guard size == expected else {
                throw PartFileError(
                    path, at: min(size, expected), "the file is \(size) bytes; its header says \(expected): it is truncated or damaged, write it again")
            }
            guard fseeko(file, off_t(expected - end.utf8.count), SEEK_SET) == 0,
                try read(file, end.utf8.count, path: path, at: expected - end.utf8.count) == Array(end.utf8)
            else {
                throw PartFileError(path, at: expected - end.utf8.count, "the part does not end with its end line; it is damaged")
            }
            return (header, payloadStart)
        }

        /// The text of a text part, after checking its digest and its UTF-8.
        public func text() throws -> String {
            guard let length = header.payloadBytes else { throw PartFileError(path, at: payloadStart, "a part of records; expected a part of text") }
            return try withPayload { file in
                let bytes = try Self.read(file, length, path: path, at: payloadStart)
                let digest = try Self.read(file, digestBytes, path: path, at: payloadStart + length)
                guard bytes.withUnsafeBytes(PartFile.digest) == digest else {
                    throw PartFileError(path, at: payloadStart, "the payload does not match its SHA-256; the part is damaged")
                }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw PartFileError(path, at: payloadStart, "the payload is not UTF-8 text; the part is damaged")
                }
                return text
            }
        }

        /// Reads the records into `block`, a chunk at a time (rows numbered from `first_run`),
        /// and hands each to `body`; refuses a chunk whose digest does not match and a record no
        /// simulation of `scenario` writes.
        public func forEachBlock(_ block: RunBlock, scenario: Scenario, _ body: (RunBlock) throws -> Void) throws {
            let width = block.record.width
            guard width == header.recordDoubles, header.blockRuns == block.capacity else {
                throw PartFileError(
                    path, "the part's records (\(header.recordDoubles) numbers) do not fit its scenario (\(width)); expected a part written by this pilotsim")
            }
            try withPayload { file in
                var buffer = [UInt64](repeating: 0, count: block.capacity * width)
                var offset = payloadStart, done = 0
                for count in header.chunks {
                    let bytes = count * width * 8
                    let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, bytes, file) }
                    let digest = try Self.read(file, digestBytes, path: path, at: offset + bytes)
                    guard read == bytes, buffer.withUnsafeBytes({ PartFile.digest(UnsafeRawBufferPointer(rebasing: $0[..<bytes])) }) == digest else {
                        let first = header.firstRun + done
                        throw PartFileError(
                            path, at: offset, "runs \(first)–\(first + count - 1) do not match their SHA-256; the part is damaged, write it again")
                    }
                    block.reset(first: header.firstRun + done, count: count)
                    for row in 0..<count {
                        for column in 0..<width {
                            block[row, column] = Double(bitPattern: UInt64(littleEndian: buffer[row * width + column]))
                        }
                    }
                    if let (row, reason) = block.firstImplausibleRow(scenario: scenario) {
                        throw PartFileError(
                            path, at: offset + row * width * 8,
                            "run \(header.firstRun + done + row) is not one a simulation writes (\(reason)); the part is damaged")
                    }
                    try body(block)
                    offset += bytes + digestBytes
                    done += count
                }
            }
        }
    }
}
