import Foundation

/// Where a download's bytes go: parts arrive in any order, each written at its offset in the file.
public protocol DownloadSink: Sendable {
    /// Writes `bytes` at `offset`; throws when it cannot (the download stops and can resume later).
    func write(_ bytes: ArraySlice<UInt8>, at offset: Int64) async throws
}

/// A file on disk written with `pwrite` at each part's offset, so a download resumed later fills in
/// the rest of the same file.
public final class FileDescriptorSink: DownloadSink {
    private let descriptor: Int32
    /// The file's path, for error messages.
    public let path: String

    /// Opens (creating with mode 0600 if missing, never truncating) the file at `path`.
    public init(path: String) throws(DownloadError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .sink("cannot open \(path): \(String(cString: strerror(errno)))") }
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes` at `offset`.
    public func write(_ bytes: ArraySlice<UInt8>, at offset: Int64) async throws {
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count, let base = buffer.baseAddress {
                let result = pwrite(descriptor, base + written, buffer.count - written, off_t(offset) + off_t(written))
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
        if let failure { throw DownloadError.sink("cannot write \(path): \(String(cString: strerror(failure)))") }
    }
}
