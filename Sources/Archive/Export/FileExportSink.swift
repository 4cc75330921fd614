import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an export to a file through a fixed-size buffer, so memory stays constant whatever its length.
///
/// A regular file is written to a temporary file beside it (mode 0600: exports hold private messages) and
/// renamed into place by `close()`, so a failed export (a full disk, a signal) leaves no partial file and
/// never replaces a good one. A path that is not a regular file (a named pipe, `/dev/null`) is written in
/// place. A symbolic link is refused, never followed, and so is any of the archive's own files.
public struct FileExportSink: ExportSink {
    private var descriptor: Int32
    private let path: String
    /// The temporary file renamed onto `path` when complete, or nil when writing in place.
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// A sink for the file at `path`, refusing it if it is a symbolic link or one of `protectedPaths` (the
    /// archive's database and companions, compared by device and inode, or by directory and name for those
    /// that do not exist yet).
    public init(path: String, protecting protectedPaths: [String] = [], bufferSize: Int = 1 << 16) throws(ArchiveError) {
        var target = stat()
        let exists = lstat(path, &target) == 0
        if exists, target.st_mode & S_IFMT == S_IFLNK {
            throw .exportFailed(reason: "\(path) is a symbolic link; name the file itself (links are not followed)")
        }
        if let own = protectedPaths.first(where: { FileIdentity.same(path, exists ? target : nil, as: $0) }) {
            throw .exportFailed(reason: "\(path) is the archive's own file \(own); choose another --out")
        }
        if exists, target.st_mode & S_IFMT != S_IFREG {
            let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw .exportFailed(reason: "cannot open \(path): \(String(cString: strerror(errno)))")
            }
            self.init(descriptor: descriptor, path: path, temporaryPath: nil, bufferSize: bufferSize)
            return
        }
        let (descriptor, temporary) = try Self.createTemporary(beside: path)
        self.init(descriptor: descriptor, path: path, temporaryPath: temporary, bufferSize: bufferSize)
    }

    /// A sink writing to an open `handle` (standard output), called `name` in errors.
    public init(handle: FileHandle, name: String, bufferSize: Int = 1 << 16) {
        self.init(descriptor: handle.fileDescriptor, path: name, temporaryPath: nil, bufferSize: bufferSize)
    }

    private init(descriptor: Int32, path: String, temporaryPath: String?, bufferSize: Int) {
        self.descriptor = descriptor
        self.path = path
        self.temporaryPath = temporaryPath
        capacity = bufferSize
        buffer.reserveCapacity(bufferSize)
    }

    /// Appends `text`, writing the buffer out when it is full.
    public mutating func write(_ text: String) throws(ArchiveError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends UTF-8 text, writing the buffer out when it is full.
    public mutating func write(utf8 bytes: [UInt8]) throws(ArchiveError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out the buffer; throws `.exportReaderGone` when the reader of a pipe closed it (SIGPIPE is
    /// ignored by tgcron, so a closed pipe is EPIPE).
    public mutating func flush() throws(ArchiveError) {
        var written = 0
        while written < buffer.count {
            let count = buffer[written...].withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw .exportReaderGone(destination: path) }
                throw .exportFailed(reason: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; a temporary file is synced and renamed onto the target.
    public mutating func close() throws(ArchiveError) {
        do throws(ArchiveError) {
            try flush()
            if let temporaryPath {
                guard fsync(descriptor) == 0 else {
                    throw ArchiveError.exportFailed(reason: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
                closeDescriptor()
                guard rename(temporaryPath, path) == 0 else {
                    throw ArchiveError.exportFailed(reason: "cannot replace \(path): \(String(cString: strerror(errno)))")
                }
            } else if descriptor > STDERR_FILENO {
                closeDescriptor()
            }
        } catch {
            abandon()
            throw error
        }
    }

    /// Gives up: closes the file and removes the temporary file, leaving the target as it was.
    public mutating func abandon() {
        if descriptor > STDERR_FILENO { closeDescriptor() }
        if let temporaryPath { _ = unlink(temporaryPath) }
    }

    private mutating func closeDescriptor() {
        _ = posixClose(descriptor)
        descriptor = -1
    }

    /// Creates `.<name>.tgcron-<random>` beside `path`, mode 0600, exclusively.
    private static func createTemporary(beside path: String) throws(ArchiveError) -> (Int32, String) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        for _ in 0..<8 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            let temporary = directory + "/." + url.lastPathComponent + ".tgcron-" + suffix
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, temporary) }
            if errno != EEXIST {
                throw .exportFailed(reason: "cannot create a file in \(directory): \(String(cString: strerror(errno)))")
            }
        }
        throw .exportFailed(reason: "cannot create a temporary file in \(directory)")
    }
}

/// The C library's `write` and `close`, named apart from the sink's own methods.
private let posixWrite = write
private let posixClose = close

/// Whether two paths name the same file, by device and inode, or by directory and name when one does not exist.
enum FileIdentity {
    /// Whether `path` (whose `lstat`, if it exists, is `info`) is the file `other` names.
    static func same(_ path: String, _ info: stat?, as other: String) -> Bool {
        var otherInfo = stat()
        if let info, stat(other, &otherInfo) == 0 {
            return info.st_dev == otherInfo.st_dev && info.st_ino == otherInfo.st_ino
        }
        let (left, right) = (URL(fileURLWithPath: path), URL(fileURLWithPath: other))
        guard left.lastPathComponent == right.lastPathComponent else { return false }
        var leftDirectory = stat(), rightDirectory = stat()
        guard stat(left.deletingLastPathComponent().path, &leftDirectory) == 0,
              stat(right.deletingLastPathComponent().path, &rightDirectory) == 0 else { return false }
        return leftDirectory.st_dev == rightDirectory.st_dev && leftDirectory.st_ino == rightDirectory.st_ino
    }
}
