import Foundation

/// Writes a set of files into a directory so that they appear whole or not at all: each is
/// written to a hidden temporary name first, and only when all are written are they renamed.
struct OutputFiles {
    let directory: String
    var files: [(name: String, contents: String)] = []

    init(directory: String, files: [(name: String, contents: String)]) {
        self.directory = directory
        self.files = files
    }

    /// One file at `path` (its directory is created if missing).
    init(path: String, contents: String) {
        let url = URL(fileURLWithPath: path)
        self.init(directory: url.deletingLastPathComponent().path, files: [(url.lastPathComponent, contents)])
    }

    func write() throws {
        let manager = FileManager.default
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: .min ... .max))"
        var temporaries: [URL] = []
        do {
            try Self.makeDirectories(directory)
            for file in files {
                let temporary = base.appendingPathComponent(".\(file.name).\(token).tmp")
                temporaries.append(temporary)
                try Data(file.contents.utf8).write(to: temporary)
            }
            for (file, temporary) in zip(files, temporaries) {
                // rename(2) replaces an existing file atomically.
                guard rename(temporary.path, base.appendingPathComponent(file.name).path) == 0 else {
                    throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno))
                }
            }
        } catch {
            temporaries.forEach { try? manager.removeItem(at: $0) }
            throw OutputError(directory: directory, underlying: error)
        }
    }
}

extension OutputFiles {
    /// `mkdir -p`, failing with the system's errno (Foundation's `createDirectory` loses it on Linux).
    static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o777) != 0 && errno != EEXIST {
                throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno))
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))
        }
    }
}

struct OutputError: Error, CustomStringConvertible {
    let directory: String
    let underlying: Error

    var description: String { "cannot write the output files in \(directory): \(reason)" }

    /// The operating system's words for the failure (Foundation's own text is often "(null)" on Linux).
    private var reason: String {
        var error = underlying as NSError
        if let inner = error.userInfo[NSUnderlyingErrorKey] as? NSError { error = inner }
        return error.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(error.code))) : error.localizedDescription
    }
}
