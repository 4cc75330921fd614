/// A TL `int128`: 16 opaque bytes (nonces), stored as two little-endian halves.
public struct TLInt128: Hashable, Sendable {
    /// Bytes 0..<8 as a little-endian integer.
    public var low: UInt64
    /// Bytes 8..<16 as a little-endian integer.
    public var high: UInt64

    public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Builds the value from exactly 16 bytes in wire order; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        let array = Array(bytes)
        low = TLWideIntegerBytes.load(array, at: 0)
        high = TLWideIntegerBytes.load(array, at: 8)
    }

    /// The 16 bytes in wire order.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        TLWideIntegerBytes.store(low, into: &out)
        TLWideIntegerBytes.store(high, into: &out)
        return out
    }
}

/// A TL `int256`: 32 opaque bytes (new_nonce), stored as four little-endian words.
public struct TLInt256: Hashable, Sendable {
    /// Bytes 8k..<8k+8 as little-endian integers, k = 0...3.
    public var words: (UInt64, UInt64, UInt64, UInt64)

    public init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Builds the value from exactly 32 bytes in wire order; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        let array = Array(bytes)
        words = (TLWideIntegerBytes.load(array, at: 0), TLWideIntegerBytes.load(array, at: 8),
                 TLWideIntegerBytes.load(array, at: 16), TLWideIntegerBytes.load(array, at: 24))
    }

    /// The 32 bytes in wire order.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in [words.0, words.1, words.2, words.3] { TLWideIntegerBytes.store(word, into: &out) }
        return out
    }

    public static func == (lhs: TLInt256, rhs: TLInt256) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

enum TLWideIntegerBytes {
    static func load(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        return value
    }

    static func store(_ value: UInt64, into out: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
