extension Array<UInt8> {
    /// Appends `value` as 4 little-endian bytes, the byte order of every MTProto integer.
    mutating func appendLittleEndian(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 24))
    }
}

extension UInt32 {
    /// The value of the first 4 of `bytes` read as a little-endian integer; `bytes` holds at least 4.
    init(littleEndianBytes bytes: ArraySlice<UInt8>) {
        let base = bytes.startIndex
        self = UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8
            | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24
    }
}
