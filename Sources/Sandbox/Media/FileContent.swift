import MTProtoCrypto

/// The bytes of a sandbox file: a pure function of the file's content key and the offset, generated
/// for exactly the range asked, so a 64 MB document never exists whole in memory.
///
/// Byte `i` is byte `i % 8` (little-endian) of `SplitMix64(key + (i / 8) × γ)`.
public enum FileContent {
    /// The bytes `offset..<offset + count` of the file with `key`.
    public static func bytes(key: UInt64, offset: Int, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(UnsafeMutableRawBufferPointer(buffer), key: key, offset: offset)
            initialized = count
        }
    }

    /// Writes the bytes from `offset` on into `buffer`.
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer, key: UInt64, offset: Int) {
        var index = 0
        var word = offset / 8
        let skip = offset % 8
        if skip != 0 {
            var value = SeededRandom.mix(key &+ UInt64(word) &* 0x9E37_79B9_7F4A_7C15) >> (8 * UInt64(skip))
            for _ in skip..<8 where index < buffer.count {
                buffer[index] = UInt8(truncatingIfNeeded: value)
                value >>= 8
                index += 1
            }
            word += 1
        }
        while index + 8 <= buffer.count {
            let value = SeededRandom.mix(key &+ UInt64(word) &* 0x9E37_79B9_7F4A_7C15)
            buffer.storeBytes(of: value.littleEndian, toByteOffset: index, as: UInt64.self)
            index += 8
            word += 1
        }
        var value = SeededRandom.mix(key &+ UInt64(word) &* 0x9E37_79B9_7F4A_7C15)
        while index < buffer.count {
            buffer[index] = UInt8(truncatingIfNeeded: value)
            value >>= 8
            index += 1
        }
    }

    /// The SHA-256 of the whole file of `size` bytes, hashed 1 MiB at a time.
    public static func sha256(key: UInt64, size: Int) -> [UInt8] {
        let stream = SHA256Stream()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < size {
            let count = min(chunk, size - offset)
            let part = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
            fill(part, key: key, offset: offset)
            stream.update(UnsafeRawBufferPointer(part))
            offset += count
        }
        return stream.finish()
    }
}
