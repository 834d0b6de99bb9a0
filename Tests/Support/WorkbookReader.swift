import Foundation

/// Reads an .xlsx workbook with an independent reader, openpyxl (Debian's python3-openpyxl):
/// runs `script` with the workbook's path as `sys.argv[1]` and `wb` already loaded, and returns
/// the lines it prints.
public func readWorkbook(_ path: String, script: String) throws -> [String] {
    let reader = Process(), pipe = Pipe()
    reader.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    reader.arguments = ["-c", "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\n" + script, path]
    reader.standardOutput = pipe
    try reader.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    reader.waitUntilExit()
    guard reader.terminationStatus == 0 else { throw WorkbookReaderError(path: path, status: reader.terminationStatus) }
    return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
}

/// openpyxl could not read a workbook, or the script failed.
public struct WorkbookReaderError: Error, CustomStringConvertible {
    public let path: String, status: Int32
    public var description: String { "openpyxl exited \(status) reading \(path)" }
}
