import Foundation

/// An output file written piece by piece while the work goes on — runs.csv, a part file — so that
/// it never has to be held in memory. It grows under a hidden temporary name beside its target,
/// registered for removal if the process is interrupted, and joins an `OutputFiles` transaction
/// (`OutputFiles.add`) that renames it into place with the others. If the transaction never
/// happens, the temporary file and the directories made for it are removed.
public final class StreamedFile {
    public let path: String
    public let temporary: String
    /// Directories made for the file, outermost first.
    public let createdDirectories: [String]
    private var handle: UnsafeMutablePointer<FILE>?

    /// Starts the file that will be `directory/name`.
    public init(directory: String, name: String) throws {
        path = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(name).path
        temporary = HiddenFiles.name(for: path, "tmp")
        do {
            createdDirectories = try OutputFiles.makeDirectory(URL(fileURLWithPath: directory, isDirectory: true).path, creatable: true)
        } catch {
            throw OutputError(directory: directory, underlying: error)
        }
        // A directory in the file's place would fail the transaction at the end: fail before the work.
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue {
            createdDirectories.reversed().forEach { rmdir($0) }
            throw OutputError(directory: directory, underlying: NSError(domain: NSPOSIXErrorDomain, code: Int(EISDIR)))
        }
        createdDirectories.forEach(PendingFiles.register)
        PendingFiles.register(temporary)
        handle = fopen(temporary, "wb")
        if handle == nil {
            let error = OutputFiles.posixError()
            createdDirectories.reversed().forEach { rmdir($0) }
            throw OutputError(directory: directory, underlying: error)
        }
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let handle, bytes.count > 0 else { return }
        guard fwrite(bytes.baseAddress, 1, bytes.count, handle) == bytes.count else { throw failure() }
    }

    /// Flushes and closes the file, ready for the transaction.
    public func close() throws {
        guard let handle else { return }
        self.handle = nil
        guard fclose(handle) == 0 else { throw failure() }
    }

    /// The error of the call that just failed: errno is read first, before building the path
    /// (which may touch the file system and change errno).
    private func failure() -> OutputError {
        let error = OutputFiles.posixError()
        return OutputError(directory: URL(fileURLWithPath: path).deletingLastPathComponent().path, underlying: error)
    }

    deinit {
        if let handle { fclose(handle) }
        // After the transaction the temporary name is gone (renamed); otherwise nothing is left.
        if unlink(temporary) == 0 { createdDirectories.reversed().forEach { rmdir($0) } }
    }
}
