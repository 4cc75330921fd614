import CZlib

/// CRC32 (IEEE 802.3, as zlib computes it), the checksum of the full transport.
enum CRC32 {
    /// The CRC32 of `bytes`.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            // zlib takes a 32-bit length, so larger inputs go in pieces.
            var crc: uLong = 0
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let chunk = min(buffer.count - offset, Int(UInt32.max))
                crc = CZlib.crc32(crc, base + offset, uInt(chunk))
                offset += chunk
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}
