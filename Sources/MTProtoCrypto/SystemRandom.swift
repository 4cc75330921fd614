import COpenSSL

/// Cryptographically secure randomness from OpenSSL's `RAND_bytes`.
public struct SystemRandom: RandomSource, Sendable {
    /// Creates a handle on OpenSSL's shared generator.
    public init() {}

    /// Fills `buffer` with secure random bytes.
    ///
    /// Stops the process if OpenSSL cannot produce randomness (no entropy source): continuing with
    /// predictable keys would be worse than crashing.
    public mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var offset = 0
        while offset < buffer.count {
            let chunk = min(buffer.count - offset, Int(Int32.max))
            guard RAND_bytes(base + offset, Int32(chunk)) == 1 else {
                fatalError("SystemRandom: RAND_bytes failed; no secure randomness available")
            }
            offset += chunk
        }
    }
}
