import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the archive and its WAL companions private to their owner (mode 0600): they hold auth keys.
enum DatabaseFileMode {
    /// The only mode the archive's files may have.
    static let privateMode: mode_t = 0o600

    /// Whether SQLite could create the `-shm` companion of `path`: it exists already, or its folder takes
    /// new files (false on a read-only filesystem).
    static func companionsCanBeCreated(beside path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path + "-shm", W_OK) == 0 || access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// The companion files SQLite keeps next to a WAL database.
    static func companions(of path: String) -> [String] {
        [path + "-wal", path + "-shm"]
    }

    /// Creates `path` with mode 0600 if it is missing, so SQLite never creates it with the umask's mode.
    static func createIfMissing(_ path: String) throws(ArchiveError) {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, privateMode)
        if descriptor >= 0 {
            close(descriptor)
            return
        }
        guard errno == EEXIST else {
            throw .openFailed(path: path, reason: "cannot create the file: \(String(cString: strerror(errno)))")
        }
    }

    /// Removes group and other permissions from `path` and its existing WAL companions (0644 becomes 0600).
    ///
    /// Owner bits are left alone: an owner who made the archive read-only (0400) meant it.
    static func securePrivateMode(_ path: String) throws(ArchiveError) {
        for file in [path] + companions(of: path) {
            var info = stat()
            guard stat(file, &info) == 0 else {
                if errno == ENOENT, file != path { continue }
                throw .openFailed(path: file, reason: "cannot inspect the file: \(String(cString: strerror(errno)))")
            }
            if info.st_mode & 0o077 != 0, chmod(file, info.st_mode & privateMode) != 0 {
                throw .openFailed(path: file, reason: "cannot set mode 0600: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The permission bits of `path`, or nil if it does not exist.
    static func permissions(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }
}
