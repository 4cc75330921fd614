/// A value decoded from the wire together with its exact bytes as received (constructor id included).
///
/// The bytes are sliced from the reader's buffer, not serialized again from `value`: a string that was not
/// valid UTF-8 (decoded with U+FFFD in `value`) keeps its original bytes here.
public struct TLReceived<Value: Sendable>: Sendable {
    /// The decoded value.
    public var value: Value
    /// Its boxed bytes exactly as they were read.
    public var bytes: [UInt8]

    /// Pairs `value` with the bytes it was read from.
    public init(value: Value, bytes: [UInt8]) {
        self.value = value
        self.bytes = bytes
    }
}

extension TLReceived where Value: TLSerializable {
    /// `value` with its serialization as the bytes: for values built locally rather than received.
    public init(serializing value: Value) {
        self.init(value: value, bytes: value.serialized())
    }
}

extension TLReader {
    /// Reads a boxed `Vector<T>` with `element` reading each item, keeping each item's bytes as read.
    public mutating func readVectorKeepingBytes<T: Sendable>(
        _ element: (inout TLReader) throws(TLDecodingError) -> T
    ) throws(TLDecodingError) -> [TLReceived<T>] {
        try readVector { (reader: inout TLReader) throws(TLDecodingError) in
            let start = reader.position
            let value = try element(&reader)
            return TLReceived(value: value, bytes: reader.consumedBytes(since: start))
        }
    }
}
