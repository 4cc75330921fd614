import MTProtoCrypto
import TL

extension RandomSource {
    /// A random `int128`, drawn as one 16-byte string (the order replayed vectors expect).
    mutating func int128() -> TLInt128 {
        TLInt128(sixteenBytes: bytes(16))
    }

    /// A random `int256`, drawn as one 32-byte string.
    mutating func int256() -> TLInt256 {
        let bytes = bytes(32)
        return TLInt256(words: (
            bytes.littleEndianUInt64(at: 0), bytes.littleEndianUInt64(at: 8),
            bytes.littleEndianUInt64(at: 16), bytes.littleEndianUInt64(at: 24)))
    }

    /// A random `long`, drawn as one 8-byte string.
    mutating func int64() -> Int64 {
        Int64(bitPattern: bytes(8).littleEndianUInt64(at: 0))
    }

    /// A random `UInt32`, drawn as one 4-byte string.
    mutating func uint32() -> UInt32 {
        let bytes = bytes(4)
        return (0..<4).reduce(0) { $0 | UInt32(bytes[$1]) << (8 * UInt32($1)) }
    }
}
