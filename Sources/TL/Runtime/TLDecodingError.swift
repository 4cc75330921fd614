import TLSchema

/// Why TL bytes could not be decoded. Decoding never traps: every malformed input ends here.
public enum TLDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input ended `needed` bytes too early at `offset`.
    case truncated(offset: Int, needed: Int)
    /// A constructor id that is not a constructor of the expected type.
    case unknownConstructor(id: UInt32, expectedType: String, offset: Int)
    /// A length prefix (bytes, string or vector count) that cannot be right for the remaining input.
    case invalidLength(Int, offset: Int)
    /// A `string` that is not UTF-8, rejected because the reader's policy is `.reject`.
    case invalidUTF8(offset: Int)
    /// Objects nested deeper than the reader allows (protects the stack from hostile input).
    case nestingTooDeep(limit: Int)
    /// Bytes left over after a value that should have filled its whole buffer.
    case trailingBytes(count: Int)

    public var description: String {
        switch self {
        case let .truncated(offset, needed):
            return "TL input truncated at byte \(offset): \(needed) more byte(s) needed"
        case let .unknownConstructor(id, type, offset):
            return "unknown constructor 0x\(TLHex.id(id)) for type \(type) at byte \(offset)"
        case let .invalidLength(length, offset):
            return "invalid length \(length) at byte \(offset)"
        case let .invalidUTF8(offset):
            return "string at byte \(offset) is not valid UTF-8"
        case let .nestingTooDeep(limit):
            return "objects nested deeper than \(limit) levels"
        case let .trailingBytes(count):
            return "\(count) unexpected byte(s) after the value"
        }
    }
}

/// Hex formatting shared by error messages and tools.
public enum TLHex {
    /// A constructor id as 8 lowercase hex digits.
    public static func id(_ id: UInt32) -> String {
        TLName.hexID(id)
    }

    /// Bytes as lowercase hex.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses hex (whitespace ignored); `nil` for odd length or a non-hex character.
    public static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        for char in text.utf8 {
            if char == 0x20 || char == 0x0a || char == 0x0d || char == 0x09 { continue }
            let value: UInt8
            switch char {
            case 0x30...0x39: value = char - 0x30
            case 0x61...0x66: value = char - 0x61 + 10
            case 0x41...0x46: value = char - 0x41 + 10
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return high == nil ? out : nil
    }
}
