/// What the generated `transcodeJSON` methods call to write TL values as JSON straight from a reader.
extension TLJSONWriter {
    /// Reads a TL `string` and writes it as `write(_: String)` writes the decoded string.
    ///
    /// Throws `invalidUTF8` when the bytes are not UTF-8, having written part of the string: the caller
    /// drops the text (`truncate(to:)`).
    public mutating func transcodeString(from reader: inout TLReader) throws(TLDecodingError) {
        let offset = reader.position
        let slice = reader.bytes(in: try reader.readBytesRange())
        let valid = slice.withUnsafeBufferPointer { appendString(validating: $0) }
        if !valid { throw .invalidUTF8(offset: offset) }
    }

    /// Reads a TL `bytes` and writes it as a lowercase hex string, as `write(_: [UInt8])` does.
    public mutating func transcodeBytes(from reader: inout TLReader) throws(TLDecodingError) {
        writeHex(reader.bytes(in: try reader.readBytesRange()))
    }

    /// Reads a vector (boxed: its constructor id first, as `readVector` checks it) and writes it as an array,
    /// `element` transcoding each item.
    public mutating func transcodeVector(
        from reader: inout TLReader, boxed: Bool,
        element: (inout TLReader, inout TLJSONWriter) throws(TLDecodingError) -> Void
    ) throws(TLDecodingError) {
        if boxed {
            let offset = reader.position
            let id = try reader.readUInt32()
            guard id == TLVectorID.boxed else { throw .unknownConstructor(id: id, expectedType: "Vector", offset: offset) }
        }
        let count = try reader.readCount(minElementSize: 1)
        beginArray()
        for index in 0..<count {
            if index > 0 { comma() }
            try element(&reader, &self)
        }
        endArray()
    }

    /// Writes `utf8` as a JSON string, escaped as `write(_: String)` escapes; false (after writing part of
    /// it) if the bytes are not well-formed UTF-8.
    mutating func appendString(validating utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            guard byte < 0x80 else {
                let length = Self.sequenceLength(utf8, at: index)
                if length == 0 { return false }
                index += length
                continue
            }
            if byte < 0x20 || byte == 0x22 || byte == 0x5c {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(byte)
                start = index + 1
            }
            index += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        bytes.append(UInt8(ascii: "\""))
        return true
    }

    /// The length of the well-formed multi-byte sequence at `index` (whose first byte is not ASCII), or 0.
    ///
    /// The ranges are the Unicode Standard's table 3-7, "Well-Formed UTF-8 Byte Sequences" (chapter 3.9): no
    /// overlong forms, no surrogates, nothing above U+10FFFF; what Swift's `String(validating:)` accepts.
    static func sequenceLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let available = utf8.count - index
        func byte(_ offset: Int) -> UInt8 { utf8[index + offset] }
        func continues(_ offset: Int) -> Bool { byte(offset) & 0xc0 == 0x80 }
        switch byte(0) {
        case 0xc2...0xdf:
            return available >= 2 && continues(1) ? 2 : 0
        case 0xe0:
            return available >= 3 && (0xa0...0xbf).contains(byte(1)) && continues(2) ? 3 : 0
        case 0xe1...0xec, 0xee...0xef:
            return available >= 3 && continues(1) && continues(2) ? 3 : 0
        case 0xed:
            return available >= 3 && (0x80...0x9f).contains(byte(1)) && continues(2) ? 3 : 0
        case 0xf0:
            return available >= 4 && (0x90...0xbf).contains(byte(1)) && continues(2) && continues(3) ? 4 : 0
        case 0xf1...0xf3:
            return available >= 4 && continues(1) && continues(2) && continues(3) ? 4 : 0
        case 0xf4:
            return available >= 4 && (0x80...0x8f).contains(byte(1)) && continues(2) && continues(3) ? 4 : 0
        default:
            return 0
        }
    }
}
