import Glibc

/// Keeps the input being run in a file, written before the target sees it, so that after a crash
/// the file holds the input that crashed. A fatal signal also prints where to find it.
final class InputRecorder {
    /// The file holding the current input.
    let path: String
    private let descriptor: Int32

    /// Opens (truncating) the file at `path`.
    init(path: String) throws(FuzzError) {
        self.path = path
        descriptor = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, errno: errno) }
    }

    deinit {
        close(descriptor)
    }

    /// Replaces the file's contents with `input`. Two system calls; the page cache keeps the bytes
    /// even if the process dies right after.
    func record(_ input: [UInt8]) {
        _ = input.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        _ = ftruncate(descriptor, off_t(input.count))
    }

    /// Makes a trap or fatal signal while `target` runs print how to replay the recorded input.
    func announceCrashes(target: String) {
        CrashNotice.set("\ntgcron fuzz: CRASH in target \(target); the input is in \(path)\n"
            + "replay: TGCronFuzz --target \(target) --replay \(path)\n")
    }
}

/// The message a fatal signal handler writes, kept as C memory because a handler may only make
/// async-signal-safe calls.
enum CrashNotice {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var installed = false

    /// Sets the message and installs the handler for the signals a Swift trap or memory error raises.
    static func set(_ text: String) {
        let old = message
        message = strdup(text)
        length = text.utf8.count
        free(old)
        guard !installed else { return }
        installed = true
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            _ = Glibc.signal(signal, crashHandler)
        }
    }

    /// Writes the message, then lets the signal take its default course (core dump, exit status).
    nonisolated(unsafe) private static let crashHandler: @convention(c) (Int32) -> Void = { signal in
        if let message = CrashNotice.message {
            _ = write(2, message, CrashNotice.length)
        }
        _ = Glibc.signal(signal, SIG_DFL)
        _ = raise(signal)
    }
}
