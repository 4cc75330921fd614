import Client
import Foundation
import MTProtoCrypto
import Synchronization
import Timekeeping

/// A partial file that parts are written into at their offsets, hashed (SHA-256) in order as the
/// watermark of stored bytes advances, and synced before that watermark is committed to the ledger.
final class HashingFileSink: DownloadSink {
    private let writer: FileDescriptorSink
    /// A second descriptor of the same file, to read back, sync and truncate it.
    private let descriptor: Int32
    private let path: String
    private let state: Mutex<State>
    private let throttle: ByteThrottle?

    private struct State: @unchecked Sendable {
        let hasher = SHA256Stream()
        var hashed: Int64 = 0
    }

    /// Opens (creating, mode 0600) the partial file at `path` and hashes its first `prefix` bytes, already
    /// stored by an earlier attempt. Writes wait on `throttle`, if any.
    init(path: String, prefix: Int64, throttle: ByteThrottle?) throws {
        writer = try FileDescriptorSink(path: path)
        descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw ContentStoreError("cannot open \(path): \(String(cString: strerror(errno)))") }
        self.path = path
        self.throttle = throttle
        state = Mutex(State())
        try advance(to: prefix)
    }

    deinit { close(descriptor) }

    /// Bytes hashed so far: every byte below is stored and in the digest.
    var hashed: Int64 { state.withLock { $0.hashed } }

    func write(_ bytes: ArraySlice<UInt8>, at offset: Int64) async throws {
        if let throttle { try await throttle.take(bytes.count) }
        try await writer.write(bytes, at: offset)
    }

    /// Reads back and hashes the stored bytes up to `watermark` (parts arrive out of order; the digest
    /// takes them in order).
    func advance(to watermark: Int64) throws {
        try state.withLock { state in
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while state.hashed < watermark {
                let want = Int(min(Int64(buffer.count), watermark - state.hashed))
                let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, want, off_t(state.hashed)) }
                if got < 0, errno == EINTR { continue }
                guard got > 0 else {
                    throw ContentStoreError("cannot read \(path) at \(state.hashed): "
                                            + (got == 0 ? "shorter than expected" : String(cString: strerror(errno))))
                }
                buffer.withUnsafeBytes { state.hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
                state.hashed += Int64(got)
            }
        }
    }

    /// Flushes the file to disk, so a watermark committed after this survives a crash.
    func sync() throws {
        guard fdatasync(descriptor) == 0 else { throw ContentStoreError("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }

    /// Cuts the file to `size` bytes (a stale longer partial) and returns the SHA-256 of all of it (hex);
    /// fails unless exactly `size` bytes were hashed.
    func finish(size: Int64) throws -> String {
        guard ftruncate(descriptor, off_t(size)) == 0 else {
            throw ContentStoreError("cannot truncate \(path): \(String(cString: strerror(errno)))")
        }
        try sync()
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int64(info.st_size) == size else {
            throw ContentStoreError("\(path) does not hold the expected \(size) bytes")
        }
        return try state.withLock { state in
            guard state.hashed == size else {
                throw ContentStoreError("\(path): \(state.hashed) of \(size) bytes verified")
            }
            return state.hasher.finish().map { String(format: "%02x", $0) }.joined()
        }
    }
}

/// A byte rate cap (`media.max_rate`): writers take bytes and wait, on the run's clock, until the rate allows them.
actor ByteThrottle {
    private let rate: Double
    private let clock: any ProgramClock
    private var available: Double
    private var updated: Double

    /// A cap of `bytesPerSecond`, with up to one second's worth of burst.
    init(bytesPerSecond: Int64, clock: any ProgramClock) {
        rate = Double(max(bytesPerSecond, 1))
        self.clock = clock
        available = rate
        updated = clock.now()
    }

    /// Waits until `bytes` may pass.
    func take(_ bytes: Int) async throws {
        let now = clock.now()
        available = min(rate, available + (now - updated) * rate)
        updated = now
        available -= Double(bytes)
        if available < 0 { try await clock.sleep(seconds: -available / rate) }
    }
}
