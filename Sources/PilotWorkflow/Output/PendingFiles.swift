import Foundation

/// The temporary files of an output transaction in flight, and the signal handlers that remove them.
///
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT remove every registered file, clear a progress line shown
/// on stderr, and then end the process as the signal would; while `OutputFiles` renames its files into place (`whileCommitting`) such a
/// signal is held back until the last rename, so that a target holds the old set or the new one,
/// never a mixture. A crash signal (SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT) removes the
/// files too, says so in one line, and ends the process at once: the Swift runtime's backtracer,
/// which would otherwise start a helper process that can hold the caller's pipe open for minutes,
/// is not run.
///
/// The registry is a fixed C array of slots, changed under a lock with the signals blocked (so
/// that transactions on several threads — a server's — each keep their own entries), and read by
/// the handler, which calls only async-signal-safe functions (`unlink`, `write`, `raise`).
public enum PendingFiles {
    private static let capacity = 4096
    private nonisolated(unsafe) static let paths = zeroed(Optional<UnsafeMutablePointer<CChar>>.self, nil, count: capacity)
    /// One past the last slot in use.
    private nonisolated(unsafe) static let count = zeroed(Int.self, 0)
    /// The transactions renaming their files now (`whileCommitting`); the number of a signal that
    /// arrived meanwhile in `held`.
    private nonisolated(unsafe) static let committing = zeroed(sig_atomic_t.self, 0)
    private nonisolated(unsafe) static let held = zeroed(sig_atomic_t.self, 0)
    /// 1 while a `ProgressLine` is drawn on stderr.
    private nonisolated(unsafe) static let progress = zeroed(sig_atomic_t.self, 0)
    private static let lock = NSLock()

    private static func zeroed<T>(_ type: T.Type, _ value: T, count: Int = 1) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: count)
        pointer.initialize(repeating: value, count: count)
        return pointer
    }

    public static let interruptions: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    public static let crashes: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Installs the handlers, and unblocks the signals they handle (a parent may have blocked
    /// them: a process inherits its signal mask); called once at start-up.
    public static func installHandlers() {
        var set = sigset_t()
        sigemptyset(&set)
        (interruptions + crashes).forEach { sigaddset(&set, $0) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for signal in interruptions {
            install(signal) { number in
                if PendingFiles.committing.pointee != 0 {
                    PendingFiles.held.pointee = number
                    return
                }
                PendingFiles.removeAllNow()
                PendingFiles.clearProgressLine()
                PendingFiles.endAsSignalled(number)
            }
        }
        for signal in crashes {
            install(signal) { number in
                PendingFiles.removeAllNow()
                let message = "pilotsim: internal error (signal \(number)); no output was written. Please report it.\n"
                // Formatting a string is not async-signal-safe, but the process is already lost.
                message.withCString { _ = write(STDERR_FILENO, $0, strlen($0)) }
                PendingFiles.endAsSignalled(number)
            }
        }
    }

    private static func install(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
    }

    /// Ends the process as `signal` would have without pilotsim's handler.
    private static func endAsSignalled(_ signal: Int32) {
        Foundation.signal(signal, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        _exit(128 + signal)
    }

    /// Says whether a progress line is drawn on stderr (for the handlers to clear it).
    public static func progressLineShown(_ shown: Bool) { progress.pointee = shown ? 1 : 0 }

    /// Clears the progress line, if one is drawn (`write` is async-signal-safe).
    private static func clearProgressLine() {
        guard progress.pointee != 0 else { return }
        let clear: StaticString = "\r\u{1B}[K"
        _ = write(STDERR_FILENO, clear.utf8Start, clear.utf8CodeUnitCount)
    }

    /// Removes the registered files, and then the directories made for them (registered before
    /// them, removed after, if empty).
    private static func removeAllNow() {
        for i in (0..<count.pointee).reversed() {
            if let path = paths[i], unlink(path) != 0 { rmdir(path) }
        }
    }

    /// Runs `body` holding the registry's lock, with the interruption signals blocked on this
    /// thread, so that the registry is never seen half-changed by a handler on this thread.
    private static func withRegistry<T>(_ body: () throws -> T) rethrows -> T {
        var set = sigset_t(), previous = sigset_t()
        sigemptyset(&set)
        interruptions.forEach { sigaddset(&set, $0) }
        sigprocmask(SIG_BLOCK, &set, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Registers `path` — a file, or a directory that would be left empty — for removal if the
    /// process is interrupted.
    public static func register(_ path: String) {
        withRegistry {
            guard let free = (0..<capacity).first(where: { paths[$0] == nil }) else { return }
            paths[free] = strdup(path)
            count.pointee = max(count.pointee, free + 1)
        }
    }

    /// Forgets `registered` (renamed into place or removed by their transaction); other
    /// transactions' files stay registered.
    public static func unregister(_ registered: [String]) {
        let forget = Set(registered)
        withRegistry {
            for i in 0..<count.pointee {
                if let path = paths[i], forget.contains(String(cString: path)) {
                    free(path)
                    paths[i] = nil
                }
            }
            while count.pointee > 0 && paths[count.pointee - 1] == nil { count.pointee -= 1 }
        }
    }

    /// Runs `body` (the renames of a transaction) with interruptions held back, then delivers one
    /// that arrived meanwhile once no transaction is renaming.
    public static func whileCommitting<T>(_ body: () throws -> T) rethrows -> T {
        withRegistry { committing.pointee += 1 }
        defer {
            let last = withRegistry {
                committing.pointee -= 1
                return committing.pointee == 0
            }
            let signal = held.pointee
            if last && signal != 0 {
                held.pointee = 0
                removeAllNow()
                clearProgressLine()
                endAsSignalled(signal)
            }
        }
        return try body()
    }
}
