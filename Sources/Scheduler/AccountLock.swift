#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Jobs

/// The one-run-per-account lock: an exclusive `flock(2)` on a file beside the database, holding a line
/// that says who holds it; a symbolic link in its place is refused, never followed and overwritten. Released
/// when the holder closes it or dies (the kernel drops `flock`s of dead processes, so a SIGKILL never leaves
/// a stale lock). The file itself stays, since removing it would race with a process opening it: only the
/// `flock` locks, and a file naming a dead pid is harmless. On release the line is rewritten to say the lock
/// is free.
public final class AccountLock: @unchecked Sendable {
    /// The lock file.
    public let path: String
    private var descriptor: Int32
    private let holder: String

    private init(path: String, descriptor: Int32, holder: String) {
        self.path = path
        self.descriptor = descriptor
        self.holder = holder
    }

    deinit {
        release()
    }

    /// The lock file of `account` on the archive at `databasePath`: `ARCHIVE.lock` for the default account (as
    /// before accounts had names), `ARCHIVE.NAME.lock` for a named one.
    public static func path(forDatabase databasePath: String, account: String = AccountSettings.defaultName) -> String {
        account == AccountSettings.defaultName ? databasePath + ".lock" : "\(databasePath).\(account).lock"
    }

    /// Takes the lock at `path`, recording `holder` (e.g. "tgcron run"); with `wait`, blocks until it is free,
    /// otherwise throws `.held` naming the current holder.
    public static func acquire(path: String, holder: String, wait: Bool, now: Date = Date()) throws(AccountLockError) -> AccountLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link (never followed); remove it" : String(cString: strerror(errno))
            throw .unavailable(path: path, reason: reason)
        }
        while flock(descriptor, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            if error == EINTR { continue }
            let holderText = currentHolder(descriptor)
            close(descriptor)
            if error == EWOULDBLOCK { throw .held(path: path, holder: holderText) }
            throw .unavailable(path: path, reason: String(cString: strerror(error)))
        }
        Self.write("pid \(getpid()) (\(holder)) since \(ISO8601DateFormatter().string(from: now))\n", to: descriptor)
        return AccountLock(path: path, descriptor: descriptor, holder: holder)
    }

    /// Releases the lock (also done when the lock is deallocated).
    public func release() {
        guard descriptor >= 0 else { return }
        let now = ISO8601DateFormatter().string(from: Date())
        Self.write("free since \(now) (last held by pid \(getpid()), \(holder)); only a flock(2) on this file locks\n",
                   to: descriptor)
        close(descriptor)
        descriptor = -1
    }

    private static func write(_ line: String, to descriptor: Int32) {
        _ = ftruncate(descriptor, 0)
        _ = line.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    private static func currentHolder(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return "another tgcron process" }
        return String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Why the account lock could not be taken.
public enum AccountLockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds it.
    case held(path: String, holder: String)
    /// The lock file cannot be opened or locked.
    case unavailable(path: String, reason: String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .held(let path, let holder): "the account is busy: \(holder) holds \(path) (use --wait to wait for it)"
        case .unavailable(let path, let reason): "cannot lock \(path): \(reason)"
        }
    }
}
