/// Reads TL-serialized values from a byte buffer. Every read is bounds-checked and throws on bad input.
public struct TLReader: Sendable {
    /// What to do with a TL `string` whose bytes are not UTF-8.
    public enum StringPolicy: Sendable {
        /// Replace invalid sequences with U+FFFD. The exact bytes stay available in the raw TL
        /// (the archive keeps every message's raw bytes), so nothing is lost.
        case replaceInvalid
        /// Throw `TLDecodingError.invalidUTF8`.
        case reject
    }

    let buffer: [UInt8]
    /// Offset of the next byte to read.
    public private(set) var position: Int
    /// Offset one past the last readable byte.
    public let end: Int
    /// The policy for invalid UTF-8 in strings.
    public var stringPolicy: StringPolicy
    /// Maximum object nesting depth before decoding fails.
    public var maxDepth: Int
    private var depth = 0

    /// Creates a reader over all of `bytes`.
    public init(_ bytes: [UInt8], stringPolicy: StringPolicy = .replaceInvalid, maxDepth: Int = 64) {
        self.init(bytes, range: 0..<bytes.count, stringPolicy: stringPolicy, maxDepth: maxDepth)
    }

    /// Creates a reader over `range` of `bytes`, without copying.
    public init(_ bytes: [UInt8], range: Range<Int>, stringPolicy: StringPolicy = .replaceInvalid,
                maxDepth: Int = 64) {
        buffer = bytes
        let clamped = range.clamped(to: 0..<bytes.count)
        position = clamped.lowerBound
        end = clamped.upperBound
        self.stringPolicy = stringPolicy
        self.maxDepth = maxDepth
    }

    /// Bytes left to read.
    public var remaining: Int { end - position }

    /// Throws unless every byte has been consumed.
    public func expectEnd() throws(TLDecodingError) {
        if remaining != 0 { throw .trailingBytes(count: remaining) }
    }

    mutating func require(_ count: Int) throws(TLDecodingError) {
        if count > end - position { throw .truncated(offset: position, needed: count - (end - position)) }
    }

    /// Reads a 32-bit unsigned value (constructor ids, flags words).
    public mutating func readUInt32() throws(TLDecodingError) -> UInt32 {
        try require(4)
        let value = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: UInt32.self) }
        position += 4
        return UInt32(littleEndian: value)
    }

    /// Returns the next 32-bit value without consuming it.
    public func peekUInt32() throws(TLDecodingError) -> UInt32 {
        if remaining < 4 { throw .truncated(offset: position, needed: 4 - remaining) }
        let value = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: UInt32.self) }
        return UInt32(littleEndian: value)
    }

    /// Reads a TL `int`.
    public mutating func readInt32() throws(TLDecodingError) -> Int32 {
        Int32(bitPattern: try readUInt32())
    }

    /// Reads a TL `long`.
    public mutating func readInt64() throws(TLDecodingError) -> Int64 {
        try require(8)
        let value = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: Int64.self) }
        position += 8
        return Int64(littleEndian: value)
    }

    /// Reads a TL `double`.
    public mutating func readDouble() throws(TLDecodingError) -> Double {
        Double(bitPattern: UInt64(bitPattern: try readInt64()))
    }

    /// Reads a boxed `Bool`.
    public mutating func readBool() throws(TLDecodingError) -> Bool {
        let offset = position
        switch try readUInt32() {
        case TLBoolID.true: return true
        case TLBoolID.false: return false
        case let other: throw .unknownConstructor(id: other, expectedType: "Bool", offset: offset)
        }
    }

    /// Reads a TL `int128`.
    public mutating func readInt128() throws(TLDecodingError) -> TLInt128 {
        let low = UInt64(bitPattern: try readInt64())
        let high = UInt64(bitPattern: try readInt64())
        return TLInt128(low: low, high: high)
    }

    /// Reads a TL `int256`.
    public mutating func readInt256() throws(TLDecodingError) -> TLInt256 {
        let a = UInt64(bitPattern: try readInt64())
        let b = UInt64(bitPattern: try readInt64())
        let c = UInt64(bitPattern: try readInt64())
        let d = UInt64(bitPattern: try readInt64())
        return TLInt256(words: (a, b, c, d))
    }

    /// Reads the span of a TL `bytes` value and advances past it and its padding.
    public mutating func readBytesRange() throws(TLDecodingError) -> Range<Int> {
        let start = position
        try require(1)
        var length = Int(buffer[position])
        var header = 1
        if length == 254 {
            try require(4)
            length = Int(buffer[position + 1]) | Int(buffer[position + 2]) << 8 | Int(buffer[position + 3]) << 16
            header = 4
        } else if length == 255 {
            throw .invalidLength(255, offset: start)
        }
        let padded = (header + length + 3) & ~3
        if padded > remaining { throw .invalidLength(length, offset: start) }
        let range = (position + header)..<(position + header + length)
        position += padded
        return range
    }

    /// Reads a TL `bytes` as a slice sharing the reader's buffer, without copying it (a 1 MiB file part).
    public mutating func readBytesSlice() throws(TLDecodingError) -> ArraySlice<UInt8> {
        buffer[try readBytesRange()]
    }

    /// Reads a TL `bytes`.
    public mutating func readBytes() throws(TLDecodingError) -> [UInt8] {
        Array(buffer[try readBytesRange()])
    }

    /// Reads a TL `string`, applying `stringPolicy` to invalid UTF-8.
    public mutating func readString() throws(TLDecodingError) -> String {
        let offset = position
        let range = try readBytesRange()
        let slice = buffer[range]
        if let valid = String(validating: slice, as: UTF8.self) { return valid }
        if stringPolicy == .reject { throw .invalidUTF8(offset: offset) }
        return String(decoding: slice, as: UTF8.self)
    }

    /// Reads `count` raw bytes.
    public mutating func readRaw(_ count: Int) throws(TLDecodingError) -> [UInt8] {
        if count < 0 { throw .invalidLength(count, offset: position) }
        try require(count)
        defer { position += count }
        return Array(buffer[position..<(position + count)])
    }

    /// The bytes in `range` of the underlying buffer (clamped to it).
    public func bytes(in range: Range<Int>) -> ArraySlice<UInt8> {
        buffer[range.clamped(to: 0..<buffer.count)]
    }

    /// The bytes between `start` (an earlier `position`) and the current position.
    public func consumedBytes(since start: Int) -> [UInt8] {
        let lower = min(max(start, 0), position)
        return Array(buffer[lower..<position])
    }

    /// Reads all remaining bytes.
    public mutating func readRest() -> [UInt8] {
        defer { position = end }
        return Array(buffer[position..<end])
    }

    /// Reads a vector count and checks it against the bytes left (`minElementSize` each).
    public mutating func readCount(minElementSize: Int = 4) throws(TLDecodingError) -> Int {
        let offset = position
        let count = Int(try readInt32())
        if count < 0 || count > remaining / max(1, minElementSize) { throw .invalidLength(count, offset: offset) }
        return count
    }

    /// Reads a boxed `Vector<T>` with `element` reading each item.
    public mutating func readVector<T>(
        _ element: (inout TLReader) throws(TLDecodingError) -> T
    ) throws(TLDecodingError) -> [T] {
        let offset = position
        let id = try readUInt32()
        guard id == TLVectorID.boxed else {
            throw .unknownConstructor(id: id, expectedType: "Vector", offset: offset)
        }
        return try readBareVector(element)
    }

    /// Reads a bare `vector<T>` (count, then items).
    public mutating func readBareVector<T>(
        _ element: (inout TLReader) throws(TLDecodingError) -> T
    ) throws(TLDecodingError) -> [T] {
        let count = try readCount(minElementSize: 1)
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try element(&self)) }
        return items
    }

    /// Reads a constructor id and checks it is `expected`.
    public mutating func expectConstructor(_ expected: UInt32, type: String) throws(TLDecodingError) {
        let offset = position
        let id = try readUInt32()
        if id != expected { throw .unknownConstructor(id: id, expectedType: type, offset: offset) }
    }

    /// Enters one level of object nesting; pair with `leave()`.
    public mutating func enter() throws(TLDecodingError) {
        depth += 1
        if depth > maxDepth { throw .nestingTooDeep(limit: maxDepth) }
    }

    /// Leaves one level of object nesting.
    public mutating func leave() {
        depth -= 1
    }

    /// A reader over the next `count` bytes, sharing this reader's settings; this reader skips them.
    public mutating func subReader(count: Int) throws(TLDecodingError) -> TLReader {
        if count < 0 { throw .invalidLength(count, offset: position) }
        try require(count)
        var sub = TLReader(buffer, range: position..<(position + count), stringPolicy: stringPolicy, maxDepth: maxDepth)
        sub.depth = depth
        position += count
        return sub
    }
}
