/// A part file refused by `merge`: damaged, not a part file, or not one of the shards of one
/// simulation. Printed as `PART:OFFSET: error: …`, OFFSET the byte where the problem is (0 for
/// the file as a whole); exit code `ExitStatus.badPart`.
struct PartFileError: Error, CustomStringConvertible {
    let path: String
    let offset: Int
    let message: String

    init(_ path: String, at offset: Int = 0, _ message: String) {
        self.path = path
        self.offset = offset
        self.message = message
    }

    var description: String { "\(path):\(offset): error: \(message)" }
}
