import Foundation

/// Text files read from outside with a bound on what is held: a scenario, a file of reported
/// figures, a result file read back. At most one byte beyond the limit is read, so that
/// `/dev/zero`, a pipe or a huge file is refused without being held.
public enum TextFile {
    /// Why a file could not be read.
    public enum Problem: Error, Equatable {
        case missing, unreadable, tooLarge(limit: Int), notUTF8

        /// The problem in words, for a file that should have been `expected` ("a scenario YAML file").
        public func message(expected: String) -> String {
            switch self {
            case .missing: return "no such file; expected \(expected)"
            case .unreadable: return "cannot read the file; expected \(expected)"
            case .tooLarge(let limit):
                return "the file is larger than \(limit) bytes (\(limit >> 20) MiB); expected \(expected) of at most \(limit >> 20) MiB"
            case .notUTF8: return "the file is not UTF-8 text; expected \(expected) in UTF-8"
            }
        }
    }

    /// The file at `path` (or standard input for `-`, read once, up to the scenario limit) as
    /// UTF-8, without a leading byte-order mark, if it holds at most `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(Problem) -> String {
        guard path == "-" || FileManager.default.fileExists(atPath: path) else { throw .missing }
        let read =
            path == "-"
            ? StandardInput.data
            : FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: limit + 1) ?? Data() }
        guard let data = read else { throw .unreadable }
        guard data.count <= limit else { throw .tooLarge(limit: limit) }
        guard var text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The lines of the file at `path`, numbered from 1 and without their line ends (LF or
    /// CRLF), read in pieces of 1 MiB: a file of any size is read line by line, and a line longer
    /// than `maximumLine` bytes ends the reading with `Lines.overlong`.
    public struct Lines: Sequence, IteratorProtocol {
        private let handle: FileHandle
        private let maximumLine: Int
        private var buffer: [UInt8] = []
        private var start = 0
        private var exhausted = false
        private var number = 0
        /// The line number of a line longer than the limit, once met; the iteration stops there.
        public private(set) var overlong: Int?

        public init(_ path: String, maximumLine: Int) throws(Problem) {
            guard FileManager.default.fileExists(atPath: path) else { throw .missing }
            guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable }
            self.handle = handle
            self.maximumLine = maximumLine
        }

        public mutating func next() -> (line: Int, text: String)? {
            guard overlong == nil else { return nil }
            while true {
                if let end = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    var line = buffer[start..<end]
                    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                    start = end + 1
                    number += 1
                    return (number, String(decoding: line, as: UTF8.self))
                }
                guard buffer.count - start <= maximumLine else {
                    overlong = number + 1
                    return nil
                }
                if exhausted {
                    guard start < buffer.count else { return nil }
                    let line = buffer[start...]
                    start = buffer.count
                    number += 1
                    return (number, String(decoding: line, as: UTF8.self))
                }
                buffer.removeFirst(start)
                start = 0
                let piece = (try? handle.read(upToCount: 1 << 20)) ?? nil
                if let piece, !piece.isEmpty { buffer += piece } else { exhausted = true }
            }
        }
    }
}

/// Standard input, read once (at most one byte beyond the scenario limit, the only text read
/// from it), so that a command that reads its scenario twice — to run it and to name it — sees
/// the same text both times.
private enum StandardInput {
    static let data: Data? = try? FileHandle.standardInput.read(upToCount: YAMLNode.maximumTextBytes + 1) ?? Data()
}
