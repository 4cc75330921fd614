import NIOCore

/// Parses RESP2 replies incrementally: `parse` consumes one complete reply from the buffer, or nothing
/// if the reply has not fully arrived yet.
enum RESPParser {
    /// The largest bulk string or array accepted, so a corrupt length cannot make us allocate gigabytes.
    static let maximumLength = 512 * 1024 * 1024

    /// One complete reply from the front of `buffer` (consumed), or nil (nothing consumed) if it is incomplete.
    static func parse(_ buffer: inout ByteBuffer) throws(RedisError) -> RESPValue? {
        var cursor = buffer
        guard let value = try value(&cursor) else { return nil }
        buffer = cursor
        return value
    }

    private static func value(_ buffer: inout ByteBuffer) throws(RedisError) -> RESPValue? {
        guard let marker = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return nil }
        guard let line = self.line(&buffer, skipping: 1) else { return nil }
        switch marker {
        case UInt8(ascii: "+"): return .simpleString(line)
        case UInt8(ascii: "-"): return .error(line)
        case UInt8(ascii: ":"): return .integer(try integer(line))
        case UInt8(ascii: "$"):
            let length = try length(line)
            guard length >= 0 else { return .bulkString(nil) }
            guard buffer.readableBytes >= length + 2 else { return nil }
            guard let bytes = buffer.readBytes(length: length), buffer.readString(length: 2) == "\r\n" else {
                throw .protocolViolation(reason: "bulk string of \(length) bytes not followed by CRLF")
            }
            return .bulkString(bytes)
        case UInt8(ascii: "*"):
            let count = try length(line)
            guard count >= 0 else { return .array(nil) }
            var elements: [RESPValue] = []
            elements.reserveCapacity(min(count, 1024))
            for _ in 0..<count {
                guard let element = try value(&buffer) else { return nil }
                elements.append(element)
            }
            return .array(elements)
        default:
            throw .protocolViolation(reason: "unknown reply type byte \(marker)")
        }
    }

    /// The text up to the next CRLF after `skipping` bytes, consuming it and the CRLF.
    private static func line(_ buffer: inout ByteBuffer, skipping: Int) -> String? {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")), newline > view.startIndex + skipping,
              view[newline - 1] == UInt8(ascii: "\r") else { return nil }
        let text = String(decoding: view[(view.startIndex + skipping)..<(newline - 1)], as: UTF8.self)
        buffer.moveReaderIndex(to: newline + 1)
        return text
    }

    private static func integer(_ text: String) throws(RedisError) -> Int64 {
        guard let value = Int64(text) else { throw .protocolViolation(reason: "'\(text)' is not an integer") }
        return value
    }

    private static func length(_ text: String) throws(RedisError) -> Int {
        let value = try integer(text)
        guard value >= -1, value <= maximumLength else {
            throw .protocolViolation(reason: "length \(value) out of range")
        }
        return Int(value)
    }
}
