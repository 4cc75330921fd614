/// One RESP2 reply from Redis.
public enum RESPValue: Equatable, Sendable {
    /// `+OK`: a status line.
    case simpleString(String)
    /// `-ERR …`: the server refused the command; the text starts with the error code.
    case error(String)
    /// `:42`.
    case integer(Int64)
    /// `$n`: binary-safe bytes, or nil for the null bulk string (`$-1`).
    case bulkString([UInt8]?)
    /// `*n`: nested replies, or nil for the null array (`*-1`).
    case array([RESPValue]?)

    /// The reply as text, for status lines and bulk strings (nil for other kinds or null).
    public var string: String? {
        switch self {
        case let .simpleString(text): text
        case let .bulkString(bytes?): String(decoding: bytes, as: UTF8.self)
        default: nil
        }
    }
}
