import Foundation
import PilotReport
import TestSupport
import Testing

/// Part files that were damaged or crafted are refused by `merge` with exit code 66, located at
/// the byte where the problem is, in bounded memory, with nothing written. The crafted parts keep
/// every digest consistent (as a hostile writer would), so that the checks behind the digests are
/// the ones tried.
@Suite(.serialized) struct PartFileIntegrityTests {
    /// A part file split into its lines and payload.
    struct Part {
        var header: [String: Any]
        var payload: Data

        init(_ path: String) throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let lines = data.split(separator: UInt8(ascii: "\n"), maxSplits: 3, omittingEmptySubsequences: false)
            header = try JSONSerialization.jsonObject(with: lines[1]) as! [String: Any]
            payload = Data(lines[3].dropLast("\npilotsim-part-end\n".utf8.count))
        }

        /// The part with its header's digest recomputed, and for a text part its payload `text`
        /// with its digest.
        func bytes(text: String? = nil) throws -> Data {
            var header = header, payload = payload
            if let text {
                header["payload_bytes"] = text.utf8.count
                payload = Data(text.utf8) + Self.digest(Data(text.utf8))
            }
            let line = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes])
            return Data("pilotsim-part 5\n".utf8) + line + Data("\n\(ContentDigest.hex(line))\n".utf8) + payload + Data("\npilotsim-part-end\n".utf8)
        }

        /// Where the payload starts in `bytes()`.
        func payloadStart() throws -> Int { try bytes().count - payload.count - "\npilotsim-part-end\n".utf8.count }

        static func digest(_ data: Data) -> Data {
            let hex = Array(ContentDigest.hex(data).utf8)
            return Data(stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)! })
        }
    }

    private func shard(_ arguments: [String], into dir: URL, _ i: Int = 1, of count: Int = 1) throws -> String {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let output = InProcess.run(arguments + ["--quiet", "--shard", "\(i)/\(count)", "--out", dir.appendingPathComponent("parts").path])
        #expect(output.status == 0, "\(output.stderr)")
        return dir.appendingPathComponent("parts/part-\(i)-of-\(count).pilotsim").path
    }

    private func expectRefused(_ parts: [String], in dir: URL, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let out = dir.appendingPathComponent("merged").path
        let (status, peak) = try CommandLineTool.runMeasuringPeakMemory(["merge"] + parts + ["--out", out])
        #expect(status == 66, sourceLocation: sourceLocation)
        #expect(peak < 100 << 20, "peak resident memory \(peak >> 20) MB", sourceLocation: sourceLocation)
        let stderr = InProcess.run(["merge"] + parts + ["--out", out]).stderr
        #expect(stderr.hasPrefix(message), "\(stderr)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out), sourceLocation: sourceLocation)
    }

    /// A header claiming 2³⁶ shards and runs, with its digest made to match, is refused before
    /// anything is allocated for it; so is /dev/zero, and a 3 GiB file with no newline.
    @Test func hugeCountsAreRefusedInBoundedMemory() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var part = try Part(try shard(["run", "--prior", "--runs", "300"], into: dir))
        for key in ["shards", "shard", "total_runs", "runs"] { part.header[key] = 1 << 36 }
        let huge = dir.appendingPathComponent("huge.pilotsim").path
        try part.bytes().write(to: URL(fileURLWithPath: huge))
        try expectRefused([huge], in: dir, "\(huge):16: error: the header's numbers are not ones --shard writes")
        try expectRefused(["/dev/zero"], in: dir, "/dev/zero:0: error: not a regular file")
        let long = dir.appendingPathComponent("long.pilotsim").path
        try Data("pilotsim-part 5\n".utf8).write(to: URL(fileURLWithPath: long))
        try FileHandle(forWritingAtPath: long)!.truncate(atOffset: 3 << 30)
        try expectRefused([long], in: dir, "\(long):16: error: the header line is damaged or longer than")
    }

    /// One flipped bit in a run part's records is refused at the start of its chunk; an edited
    /// scenario text (its header digest recomputed, its scenario_sha256 not) is refused.
    @Test func flippedBitsAndEditedScenariosAreRefused() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try shard(["run", "--prior", "--runs", "300"], into: dir)
        let part = try Part(path)
        var flipped = try part.bytes()
        let start = try part.payloadStart()
        flipped[start + 1_000] ^= 0x10
        let flippedPath = dir.appendingPathComponent("flipped.pilotsim").path
        try flipped.write(to: URL(fileURLWithPath: flippedPath))
        try expectRefused([flippedPath], in: dir, "\(flippedPath):\(start): error: runs 0–299 do not match their SHA-256")
        var edited = part
        edited.header["scenario_text"] = (part.header["scenario_text"] as! String).replacingOccurrences(of: "0.005", with: "0.05")
        let editedPath = dir.appendingPathComponent("edited.pilotsim").path
        try edited.bytes().write(to: URL(fileURLWithPath: editedPath))
        try expectRefused([editedPath], in: dir, "\(editedPath):16: error: the scenario text does not match its scenario_sha256")
    }

    /// Partial results a sweep, tornado or sobol never writes, with matching digests: a sweep row
    /// with a P(met) of 7, a tornado with every bar twice or a probability of −5, a sobol value
    /// of 10³⁰⁸.
    @Test func payloadsNoAnalysisWritesAreRefused() throws {
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func crafted(_ arguments: [String], _ name: String, _ change: (String) throws -> String) throws -> (String, Int) {
            let part = try Part(try shard(arguments, into: dir.appendingPathComponent(name)))
            let path = dir.appendingPathComponent("\(name).pilotsim").path
            let text = String(decoding: part.payload.dropLast(32), as: UTF8.self)
            let changed = try change(text)
            let data = try part.bytes(text: changed)
            try data.write(to: URL(fileURLWithPath: path))
            return (path, data.count - changed.utf8.count - 32 - "\npilotsim-part-end\n".utf8.count)
        }
        let sweep = ["sweep", "--prior", "--vary", "merchants.outreach.launch=0.01:0.05:2", "--runs", "100"]
        let (seven, sevenStart) = try crafted(sweep, "seven") { $0.replacingOccurrences(of: "\"probability\":", with: "\"probability\":7,\"x\":") }
        try expectRefused([seven], in: dir, "\(seven):\(sevenStart): error: the sweep results are damaged: row 1 has numbers no sweep writes")
        let tornado = ["tornado", repositoryPath("Tests/Fixtures/golden/small.yaml"), "--runs", "100"]
        let (twice, twiceStart) = try crafted(tornado, "twice") { text in
            let bars = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [[Any]]
            return String(decoding: try JSONSerialization.data(withJSONObject: bars.map { $0 + $0 }), as: UTF8.self)
        }
        try expectRefused([twice], in: dir, "\(twice):\(twiceStart): error: the tornado results are damaged: the bars are not one for each")
        let (negative, negativeStart) = try crafted(tornado, "negative") {
            $0.replacingOccurrences(of: "\"highProbability\":", with: "\"highProbability\":-5,\"x\":")
        }
        try expectRefused([negative], in: dir, "\(negative):\(negativeStart): error: the tornado results are damaged")
        let (huge, hugeStart) = try crafted(["sobol", "--prior", "--samples", "100"], "huge") { "[[1e308" + $0.dropFirst(2).drop { $0 != "," } }
        try expectRefused([huge], in: dir, "\(huge):\(hugeStart): error: the sobol results are damaged")
    }
}
