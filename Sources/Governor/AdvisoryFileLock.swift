#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` on a lock file, held while a closure runs.
///
/// Each use opens its own descriptor, and `flock` locks belong to the open file, so the lock serializes
/// threads of one process as well as separate processes. It is advisory: only code that takes it is kept out.
enum AdvisoryFileLock {
    /// Runs `body` while holding the lock on `path`, creating the file if needed.
    static func withExclusiveLock<Result>(
        path: String, _ body: () throws(GovernorStoreError) -> Result
    ) throws(GovernorStoreError) -> Result {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .lockFailed(location: path, reason: systemErrorText()) }
        defer { close(descriptor) }  // closing the last descriptor also releases the lock
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .lockFailed(location: path, reason: systemErrorText()) }
        }
        return try body()
    }

    /// The text of the current `errno`.
    private static func systemErrorText() -> String {
        String(cString: strerror(errno))
    }
}
