import Foundation

/// The hidden files of output transactions beside their targets: `.NAME.TOKEN.tmp` (a file being
/// written) and `.NAME.TOKEN.old` (a backup during the renames), TOKEN naming the host and process
/// that made them. A process killed with SIGKILL cannot remove its own; the next transaction
/// into the same directory removes those of processes of this host that no longer exist.
public enum HiddenFiles {
    /// This host, as 8 hexadecimal digits (so that a directory shared between machines never
    /// loses another host's files in flight).
    private static let host: String = {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count - 1)
        let hash = name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        return String(hash, radix: 16).leftPadded(to: 8)
    }()

    /// A token unique to this process: `pPID-RANDOM-hHOST`.
    private static let token = "p\(getpid())-\(UInt32.random(in: .min ... .max))-h\(host)"

    /// The hidden name beside `path` for its temporary ("tmp") or backup ("old") file.
    public static func name(for path: String, _ suffix: String) -> String {
        let target = URL(fileURLWithPath: path)
        return target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(token).\(suffix)").path
    }

    /// Removes from `directory` the hidden files of processes of this host that have ended.
    public static func removeAbandoned(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(".") && (name.hasSuffix(".tmp") || name.hasSuffix(".old")) {
            let parts = name.split(separator: ".")
            guard parts.count >= 3, let pid = processID(String(parts[parts.count - 2])), pid != getpid(),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            unlink(URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(name).path)
        }
    }

    /// The process id in a token of this host, or nil for another host's token or another name.
    private static func processID(_ token: String) -> pid_t? {
        let fields = token.split(separator: "-")
        guard fields.count == 3, fields[0].hasPrefix("p"), fields[2] == "h" + host, UInt32(fields[1]) != nil else { return nil }
        return pid_t(fields[0].dropFirst())
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
