import TL

extension Array where Element == UInt8 {
    /// The 8 bytes at `offset` read as a little-endian integer; the caller guarantees they exist.
    func littleEndianUInt64(at offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(self[offset + $1]) << (8 * UInt64($1)) }
    }
}

extension TLInt128 {
    /// The value of 16 wire-order bytes; the caller guarantees the length.
    init(sixteenBytes bytes: [UInt8]) {
        self.init(low: bytes.littleEndianUInt64(at: 0), high: bytes.littleEndianUInt64(at: 8))
    }
}

extension UInt64 {
    /// Reads up to 8 big-endian bytes.
    init(bigEndianBytes bytes: [UInt8]) {
        self = bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Big-endian bytes without leading zeros, as MTProto writes p, q and pq.
    var minimalBigEndianBytes: [UInt8] {
        let count = (UInt64.bitWidth - leadingZeroBitCount + 7) / 8
        return (0..<count).reversed().map { UInt8(truncatingIfNeeded: self >> (8 * UInt64($0))) }
    }
}
