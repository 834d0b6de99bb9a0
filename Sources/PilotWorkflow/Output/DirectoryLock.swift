import Foundation

/// An exclusive lock on an output directory, held while a transaction renames its files into
/// place, so that two processes writing the same `--out` never leave a mixture of their files.
/// It is `flock(2)` on the directory's hidden `.pilotsim.lock` file: the kernel releases it when
/// the process ends, however it ends. A process that finds the lock taken says so on stderr and
/// waits for it.
public final class DirectoryLock {
    private let descriptor: Int32

    /// The lock file of `directory`.
    public static func path(in directory: String) -> String {
        URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(".pilotsim.lock").path
    }

    /// Takes the lock of `directory` (which exists), waiting while another process holds it.
    public init(directory: String) throws {
        let path = Self.path(in: directory)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw OutputFiles.posixError() }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let error = OutputFiles.posixError()
                close(descriptor)
                throw error
            }
            FileHandle.standardError.write(Data("pilotsim: another process is writing to \(directory); waiting for its lock (\(path))\n".utf8))
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let error = OutputFiles.posixError()
                    close(descriptor)
                    throw error
                }
            }
        }
    }

    deinit { close(descriptor) }
}
