import Foundation

/// A set of output files, possibly in several directories, written as one transaction: after any
/// failure or interruption at any moment, the targets hold either all their old contents or all
/// the new, and no temporary file is left.
///
/// Every file is first written under a hidden temporary name beside its target. Then, with
/// interruptions held back (`PendingFiles.whileCommitting`), each existing target is kept as a
/// hard-linked backup and the temporary file renamed over it; if a rename fails, the targets
/// already replaced get their backups back (or are removed if they did not exist), and the
/// directories the transaction created are removed again.
///
/// A large file can be written as the work goes (`StreamedFile`): it grows under its temporary
/// name and is renamed with the others.
public struct OutputFiles {
    private(set) var files: [(path: String, contents: Data)] = []
    private var streamed: [StreamedFile] = []
    /// The output directories the transaction may make (each inside an existing directory); a
    /// single file's directory must exist already.
    private var creatable: Set<String> = []

    public init() {}

    /// Files named `files` in `directory` (made if missing, when its parent exists).
    public init(directory: String, files: [(name: String, contents: String)]) {
        add(directory: directory, files: files)
    }

    /// One file at `path`, in a directory that exists.
    public init(path: String, contents: String) {
        self.init(path: path, data: Data(contents.utf8))
    }

    /// One binary file at `path`, in a directory that exists.
    public init(path: String, data: Data) {
        files = [(path, data)]
    }

    /// Binary files named `files` in `directory` (made if missing, when its parent exists).
    public init(directory: String, data: [(name: String, contents: Data)]) {
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        files = data.map { (base.appendingPathComponent($0.name).path, $0.contents) }
        creatable.insert(base.path)
    }

    public mutating func add(directory: String, files more: [(name: String, contents: String)]) {
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        files += more.map { (base.appendingPathComponent($0.name).path, Data($0.contents.utf8)) }
        creatable.insert(base.path)
    }

    /// A file already written under its temporary name, renamed into place with the others.
    public mutating func add(_ file: StreamedFile) {
        streamed.append(file)
    }

    public func write() throws {
        let targets = (files.map(\.path) + streamed.map(\.path)).map { URL(fileURLWithPath: $0) }
        let temporaries = files.map { HiddenFiles.name(for: $0.path, "tmp") } + streamed.map(\.temporary)
        let backups = targets.map { HiddenFiles.name(for: $0.path, "old") }
        var created = streamed.flatMap(\.createdDirectories)
        defer {
            (temporaries + backups).forEach { unlink($0) }
            PendingFiles.unregister(temporaries + backups + created.map { DirectoryLock.path(in: $0) } + streamed.flatMap(\.createdDirectories))
        }
        do {
            for directory in Set(targets.map { $0.deletingLastPathComponent().path }).sorted() {
                created += try Self.makeDirectory(directory, creatable: creatable.contains(directory))
            }
            var isDirectory: ObjCBool = false
            if targets.contains(where: { FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue }) {
                throw NSError(domain: NSPOSIXErrorDomain, code: Int(EISDIR))
            }
            for (file, temporary) in zip(files, temporaries) {
                PendingFiles.register(temporary)
                try Self.create(temporary, contents: file.contents)
            }
            // One transaction at a time in a directory (in a fixed order, so that two
            // transactions over the same directories cannot wait for each other).
            let directories = Set(targets.map { $0.deletingLastPathComponent().path }).sorted()
            let locks = try directories.map { try DirectoryLock(directory: $0) }
            // A directory this transaction made goes again if it fails: its lock file with it.
            created.forEach { PendingFiles.register(DirectoryLock.path(in: $0)) }
            defer { withExtendedLifetime(locks) {} }
            directories.forEach(HiddenFiles.removeAbandoned)
            try PendingFiles.whileCommitting {
                try Self.commit(targets.map(\.path), temporaries: temporaries, backups: backups)
            }
        } catch {
            (temporaries + backups).forEach { unlink($0) }
            created.reversed().forEach {
                unlink(DirectoryLock.path(in: $0))
                rmdir($0)
            }
            throw OutputError(directory: Self.describe(targets), underlying: error)
        }
    }

    /// Renames every temporary file over its target, or none.
    private static func commit(_ targets: [String], temporaries: [String], backups: [String]) throws {
        var replaced: [(target: String, backup: String?)] = []
        do {
            for (i, target) in targets.enumerated() {
                var backup: String?
                if FileManager.default.fileExists(atPath: target) {
                    PendingFiles.register(backups[i])
                    guard link(target, backups[i]) == 0 else { throw posixError() }
                    backup = backups[i]
                }
                // rename(2) replaces an existing file atomically.
                guard rename(temporaries[i], target) == 0 else { throw posixError() }
                replaced.append((target, backup))
            }
        } catch {
            for (target, backup) in replaced.reversed() {
                if let backup { rename(backup, target) } else { unlink(target) }
            }
            throw error
        }
    }

    public static func posixError() -> NSError { NSError(domain: NSPOSIXErrorDomain, code: Int(errno)) }

    /// Writes `contents` as the new file `path`, failing with the system's errno (ENOSPC on a
    /// full disk; Foundation's `Data.write` loses it on Linux).
    private static func create(_ path: String, contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw posixError() }
        var written = 0
        let failure: NSError? = contents.withUnsafeBytes { bytes in
            while written < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return posixError() }
                written += count
            }
            return nil
        }
        let closed = close(descriptor) == 0 ? nil : posixError()
        if let error = failure ?? closed { throw error }
    }

    /// The directory the files go to, or the list of them.
    private static func describe(_ targets: [URL]) -> String {
        let directories = targets.map { $0.deletingLastPathComponent().path }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return directories.joined(separator: " and ")
    }

    /// Makes the output directory `path` when it is missing and `creatable`, inside a directory
    /// that exists (never a chain of missing parents: a typo in a path is refused, not created),
    /// failing with the system's errno (Foundation's `createDirectory` loses it on Linux).
    /// Returns the directories it made.
    public static func makeDirectory(_ path: String, creatable: Bool) throws -> [String] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR)) }
            return []
        }
        guard creatable else { throw MissingDirectory(path: path) }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) else { throw MissingDirectory(path: parent) }
        guard isDirectory.boolValue else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR)) }
        guard mkdir(path, 0o777) == 0 else {
            let code = errno
            // Another process made it between the check and mkdir: it is theirs, not this transaction's.
            if code == EEXIST, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return [] }
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(code))
        }
        return [path]
    }
}

/// An output whose directory (or whose output directory's parent) does not exist.
public struct MissingDirectory: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "\(path) does not exist; create it first (pilotsim makes only the output directory itself, inside an existing one)" }
}

public struct OutputError: Error, CustomStringConvertible {
    public let directory: String
    public let underlying: Error

    public var description: String { "cannot write the output files in \(directory): \(reason)" }

    /// The operating system's words for the failure (Foundation's own text is often "(null)" on Linux).
    private var reason: String {
        if let missing = underlying as? MissingDirectory { return missing.description }
        var error = underlying as NSError
        if let inner = error.userInfo[NSUnderlyingErrorKey] as? NSError { error = inner }
        return error.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(error.code))) : error.localizedDescription
    }
}
