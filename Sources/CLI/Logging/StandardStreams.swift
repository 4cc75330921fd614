#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output and standard error without dying when the reader goes away.
///
/// `tgcron run … 2>&1 | head` closes the pipe while the run goes on: SIGPIPE is ignored (`ignoreBrokenPipes`)
/// and a write that fails with EPIPE ends that stream's output, not the run, which commits and records
/// its result as usual.
enum StandardStreams {
    /// Ignores SIGPIPE for the whole process, so a closed pipe is an EPIPE error instead of death.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` in full to standard error (one `write(2)` when it fits), or drops it if the reader is gone.
    static func writeError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return  // EPIPE or another failure: this output is over, the work is not.
            }
        }
    }
}
