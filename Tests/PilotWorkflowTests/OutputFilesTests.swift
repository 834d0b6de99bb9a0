import Foundation
import PilotWorkflow
import Testing

/// The output transaction in-process: a set of files appears whole or not at all.
@Suite struct OutputFilesTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pilotsim-workflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Two files into a new directory: both there with their contents, and nothing else but the
    /// directory's lock file.
    @Test func writesEveryFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        try OutputFiles(directory: out, files: [("a.csv", "a\r\n"), ("b.csv", "b\r\n")]).write()
        #expect(try String(contentsOfFile: out + "/a.csv", encoding: .utf8) == "a\r\n")
        #expect(try String(contentsOfFile: out + "/b.csv", encoding: .utf8) == "b\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [".pilotsim.lock", "a.csv", "b.csv"])
    }

    /// When one target cannot be written (it is a directory), the other keeps its old contents
    /// and no temporary or backup file is left.
    @Test func aFailureLeavesTheOldFiles() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "old\r\n".write(toFile: dir.path + "/a.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir.path + "/b.csv", withIntermediateDirectories: false)
        #expect(throws: OutputError.self) {
            try OutputFiles(directory: dir.path, files: [("a.csv", "new\r\n"), ("b.csv", "b\r\n")]).write()
        }
        #expect(try String(contentsOfFile: dir.path + "/a.csv", encoding: .utf8) == "old\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") && $0 != ".pilotsim.lock" }.isEmpty)
    }

    /// A directory whose parent is missing is refused, not made.
    @Test func aMissingParentIsRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("missing/out").path
        #expect(throws: OutputError.self) { try OutputFiles(directory: out, files: [("a.csv", "a")]).write() }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("missing").path))
    }
}
