/// Appends TL-serialized values to a growing byte buffer (little-endian, 4-byte aligned).
public struct TLWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// Creates an empty writer; `capacity` pre-sizes the buffer.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written, handed over without a copy and the writer left empty, for callers that go on
    /// to change them in place (`bytes` would leave two references, and the change would copy them).
    public mutating func takeBytes() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        return taken
    }

    /// Number of bytes written so far.
    public var count: Int { bytes.count }

    /// Writes a 32-bit unsigned value (constructor ids, flags words).
    public mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes a TL `int`.
    public mutating func write(_ value: Int32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes a TL `long`.
    public mutating func write(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes a TL `double` (IEEE 754, little-endian).
    public mutating func write(_ value: Double) {
        write(Int64(bitPattern: value.bitPattern))
    }

    /// Writes a boxed `Bool` (boolTrue / boolFalse).
    public mutating func write(_ value: Bool) {
        write(value ? TLBoolID.true : TLBoolID.false)
    }

    /// Writes a TL `int128`.
    public mutating func write(_ value: TLInt128) {
        write(Int64(bitPattern: value.low))
        write(Int64(bitPattern: value.high))
    }

    /// Writes a TL `int256`.
    public mutating func write(_ value: TLInt256) {
        for word in [value.words.0, value.words.1, value.words.2, value.words.3] { write(Int64(bitPattern: word)) }
    }

    /// Writes a TL `bytes`: 1-byte length (< 254) or 0xFE and a 3-byte length, then data, then zero padding to 4.
    public mutating func writeBytes(_ data: some Collection<UInt8>) {
        let length = data.count
        if length < 254 {
            bytes.append(UInt8(length))
            bytes.append(contentsOf: data)
            appendPadding(1 + length)
        } else {
            bytes.append(0xfe)
            bytes.append(UInt8(truncatingIfNeeded: length))
            bytes.append(UInt8(truncatingIfNeeded: length >> 8))
            bytes.append(UInt8(truncatingIfNeeded: length >> 16))
            bytes.append(contentsOf: data)
            appendPadding(4 + length)
        }
    }

    /// Writes a TL `string` (its UTF-8 bytes, framed like `bytes`).
    public mutating func writeString(_ string: String) {
        writeBytes(string.utf8)
    }

    /// Writes the header of a boxed `Vector<T>`: its constructor id and element count.
    public mutating func writeVectorHeader(count: Int) {
        write(TLVectorID.boxed)
        write(Int32(truncatingIfNeeded: count))
    }

    /// Writes raw bytes verbatim (already-serialized objects).
    public mutating func writeRaw(_ data: some Sequence<UInt8>) {
        bytes.append(contentsOf: data)
    }

    private mutating func appendPadding(_ written: Int) {
        let remainder = written % 4
        if remainder != 0 { bytes.append(contentsOf: repeatElement(0, count: 4 - remainder)) }
    }
}

/// Constructor ids of the boxed Bool.
public enum TLBoolID {
    /// `boolTrue#997275b5`.
    public static let `true`: UInt32 = 0x997275b5
    /// `boolFalse#bc799737`.
    public static let `false`: UInt32 = 0xbc799737
}

/// Constructor id of the boxed vector.
public enum TLVectorID {
    /// `vector#1cb5c415`.
    public static let boxed: UInt32 = 0x1cb5c415
}
