/// Received bytes not yet consumed by a decoder: appended at the back, consumed from the front.
///
/// Callers check `count` before reading; consumed space is reclaimed once it dominates the storage,
/// so feeding a long stream in small chunks stays linear.
struct ByteQueue {
    private var storage: [UInt8] = []
    private var start = 0

    /// Bytes available to read.
    var count: Int { storage.count - start }

    /// Appends received bytes.
    mutating func append(contentsOf bytes: some Collection<UInt8>) {
        // Contiguous input (arrays, NIO's ByteBufferView) is copied in one go rather than byte by byte.
        let copied: Void? = bytes.withContiguousStorageIfAvailable { storage.append(contentsOf: $0) }
        if copied == nil {
            storage.append(contentsOf: bytes)
        }
    }

    /// The byte `offset` bytes past the front.
    func byte(at offset: Int) -> UInt8 {
        storage[start + offset]
    }

    /// The little-endian 32-bit value starting `offset` bytes past the front.
    func uint32LE(at offset: Int) -> UInt32 {
        UInt32(littleEndianBytes: peek(4, at: offset))
    }

    /// `length` bytes starting `offset` bytes past the front, without consuming them.
    func peek(_ length: Int, at offset: Int = 0) -> ArraySlice<UInt8> {
        storage[(start + offset)..<(start + offset + length)]
    }

    /// Consumes `length` bytes from the front and returns them.
    mutating func take(_ length: Int) -> [UInt8] {
        let bytes = Array(peek(length))
        skip(length)
        return bytes
    }

    /// Consumes everything and returns it.
    mutating func takeAll() -> [UInt8] {
        take(count)
    }

    /// Consumes `length` bytes from the front.
    mutating func skip(_ length: Int) {
        start += length
        if start == storage.count {
            storage.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 64 * 1024 && start * 2 >= storage.count {
            storage.removeFirst(start)
            start = 0
        }
    }
}
