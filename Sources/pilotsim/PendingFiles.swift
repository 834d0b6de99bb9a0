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
/// The registry is a fixed C array written only by the main thread with the signals blocked, and
/// read by the handler, which calls only async-signal-safe functions (`unlink`, `write`, `raise`).
enum PendingFiles {
    private static let capacity = 4096
    private nonisolated(unsafe) static let paths = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    private nonisolated(unsafe) static let count = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    /// 1 while `whileCommitting` runs; the number of a signal that arrived meanwhile in `held`.
    private nonisolated(unsafe) static let committing = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    private nonisolated(unsafe) static let held = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    /// 1 while a `ProgressLine` is drawn on stderr.
    private nonisolated(unsafe) static let progress = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)

    static let interruptions: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashes: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Installs the handlers, and unblocks the signals they handle (a parent may have blocked
    /// them: a process inherits its signal mask); called once at start-up.
    static func installHandlers() {
        var set = sigset_t()
        sigemptyset(&set)
        (interruptions + crashes).forEach { sigaddset(&set, $0) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        count.pointee = 0
        committing.pointee = 0
        held.pointee = 0
        progress.pointee = 0
        for signal in interruptions { install(signal) { number in
            if PendingFiles.committing.pointee != 0 {
                PendingFiles.held.pointee = number
                return
            }
            PendingFiles.removeAllNow()
            PendingFiles.clearProgressLine()
            PendingFiles.endAsSignalled(number)
        } }
        for signal in crashes { install(signal) { number in
            PendingFiles.removeAllNow()
            let message = "pilotsim: internal error (signal \(number)); no output was written. Please report it.\n"
            // Formatting a string is not async-signal-safe, but the process is already lost.
            message.withCString { _ = write(STDERR_FILENO, $0, strlen($0)) }
            PendingFiles.endAsSignalled(number)
        } }
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
    static func progressLineShown(_ shown: Bool) { progress.pointee = shown ? 1 : 0 }

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

    /// Runs `body` with the interruption signals blocked on this thread, so that the registry is
    /// never seen half-changed by a handler on this thread.
    private static func withSignalsBlocked<T>(_ body: () throws -> T) rethrows -> T {
        var set = sigset_t(), previous = sigset_t()
        sigemptyset(&set)
        interruptions.forEach { sigaddset(&set, $0) }
        sigprocmask(SIG_BLOCK, &set, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// Registers `path` — a file, or a directory that would be left empty — for removal if the
    /// process is interrupted.
    static func register(_ path: String) {
        withSignalsBlocked {
            guard count.pointee < capacity else { return }
            paths[count.pointee] = strdup(path)
            count.pointee += 1
        }
    }

    /// Forgets every registered file (they have been renamed into place or removed).
    static func clear() {
        withSignalsBlocked {
            let n = count.pointee
            count.pointee = 0
            for i in 0..<n { free(paths[i]); paths[i] = nil }
        }
    }

    /// Runs `body` (the renames of a transaction) with interruptions held back, then delivers one
    /// that arrived meanwhile.
    static func whileCommitting<T>(_ body: () throws -> T) rethrows -> T {
        committing.pointee = 1
        defer {
            committing.pointee = 0
            let signal = held.pointee
            if signal != 0 {
                held.pointee = 0
                removeAllNow()
                clearProgressLine()
                endAsSignalled(signal)
            }
        }
        return try body()
    }
}
