/// Appends compact JSON text for typed TL values to a byte buffer, with no intermediate tree.
///
/// The text is byte for byte what `TLJSONCodec` decodes from the same value's TL bytes printed compactly
/// (`TLJSONValue.text(pretty: false)`): objects open with `"_"` (the constructor name), fields follow in
/// schema order under their TL names, absent optionals and unset true flags are left out, `bytes`,
/// `int128` and `int256` are lowercase hex strings and a non-finite double is `null`. Generated types write
/// themselves through `TLJSONWritable`; this type only knows JSON.
public struct TLJSONWriter: Sendable {
    /// The UTF-8 text written so far.
    public internal(set) var bytes: [UInt8]

    /// Creates an empty writer; `capacity` pre-sizes the buffer.
    public init(capacity: Int = 512) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its capacity.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// How many bytes are written.
    public var count: Int { bytes.count }

    /// Drops what was written after the first `count` bytes (the partial text of a failed transcoding).
    public mutating func truncate(to count: Int) {
        bytes.removeSubrange(min(max(count, 0), bytes.count)...)
    }

    /// Opens an object and writes its constructor name: `{"_":"name"`.
    public mutating func beginObject(_ name: StaticString) {
        append(#"{"_":""#)
        append(name)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Closes an object.
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes a field separator and key, spelled by the generator as `,"name":` (or `{"name":` opening an
    /// object that has no constructor name, such as an export's line).
    public mutating func key(_ separatorAndKey: StaticString) {
        append(separatorAndKey)
    }

    /// Writes a TL `int`.
    public mutating func write(_ value: Int32) {
        write(Int64(value))
    }

    /// Writes a TL `long`.
    public mutating func write(_ value: Int64) {
        var magnitude = value.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: a sign and 20 digits fit
        withUnsafeMutableBytes(of: &scratch) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            if value < 0 {
                position -= 1
                buffer[position] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// Writes a TL `double`; a non-finite one is `null`.
    public mutating func write(_ value: Double) {
        if value.isFinite {
            bytes.append(contentsOf: value.description.utf8)
        } else {
            append("null")
        }
    }

    /// Writes `null`.
    public mutating func writeNull() {
        append("null")
    }

    /// Appends JSON text made elsewhere (a `TLJSONValue`'s compact text), as it is.
    public mutating func append(json text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes a boolean.
    public mutating func write(_ value: Bool) {
        append(value ? "true" : "false")
    }

    /// Writes a string, escaping quotes, backslashes and control characters.
    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5c {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Writes TL `bytes` as a lowercase hex string.
    public mutating func write(_ value: [UInt8]) {
        writeHex(value)
    }

    /// Writes a TL `int128` as a lowercase hex string of its wire bytes.
    public mutating func write(_ value: TLInt128) {
        writeHex(value.bytes)
    }

    /// Writes a TL `int256` as a lowercase hex string of its wire bytes.
    public mutating func write(_ value: TLInt256) {
        writeHex(value.bytes)
    }

    /// Opens an array.
    public mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
    }

    /// Separates two array elements.
    public mutating func comma() {
        bytes.append(UInt8(ascii: ","))
    }

    /// Closes an array.
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func writeHex(_ raw: some Collection<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        for byte in raw {
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0f)])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case 0x22: append(#"\""#)
        case 0x5c: append(#"\\"#)
        case 0x0a: append(#"\n"#)
        case 0x0d: append(#"\r"#)
        case 0x09: append(#"\t"#)
        default:
            append(#"\u00"#)
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0f)])
        }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// A TL value that writes itself as compact JSON (generated for every type of the API layer).
public protocol TLJSONWritable {
    /// Appends the value's JSON to `json`.
    func writeJSON(into json: inout TLJSONWriter)
}

extension TLJSONWritable {
    /// The value's compact JSON text.
    public var jsonText: String {
        var json = TLJSONWriter()
        writeJSON(into: &json)
        return json.text
    }
}
