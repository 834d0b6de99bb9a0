/// A part file refused by `merge`: damaged, not a part file, or not one of the shards of one
/// simulation. Printed as `PART:OFFSET: error: …`, OFFSET the byte where the problem is (0 for
/// the file as a whole); exit code `ExitStatus.badPart`.
public struct PartFileError: Error, CustomStringConvertible {
    public let path: String
    public let offset: Int
    public let message: String

    public init(_ path: String, at offset: Int = 0, _ message: String) {
        self.path = path
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(path):\(offset): error: \(message)" }
}
