import MTProtoCrypto
import TL

/// Why an encrypted session rejected an incoming packet or message, or failed a request.
/// Cases carry ids, sizes and reasons, never key material.
public enum MTProtoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The packet could not be decrypted: wrong auth_key_id, msg_key mismatch or a bad length.
    case decryptionFailed(CryptoError)
    /// The decrypted header is inconsistent (length field, padding size, alignment).
    case malformedMessage(String)
    /// A message body is not valid TL for the constructor it starts with.
    case malformedBody(TLDecodingError)
    /// The message belongs to another session.
    case sessionMismatch(expected: Int64, received: Int64)
    /// A msg_id has the wrong low bits for its sender (server ids are odd, client ids divisible by 4).
    case invalidMessageID(Int64)
    /// A msg_id's time is more than 300 s in the past or 30 s in the future of the corrected clock;
    /// `skew` is message time minus corrected local time, in seconds.
    case messageOutsideTimeWindow(messageID: Int64, skew: Int64)
    /// A msg_id was already received (or is too old to tell), so the message was ignored.
    case duplicateMessage(Int64)
    /// A container is malformed: nested, too many messages, or inner ids out of place.
    case invalidContainer(String)
    /// A `gzip_packed` payload is not valid gzip/zlib data.
    case invalidCompressedData
    /// A `gzip_packed` payload inflates beyond the configured limit (a zip bomb guard).
    case decompressedTooLarge(limit: Int)
    /// The server ignored the request with a `bad_msg_notification` that resending cannot fix.
    case badMessage(BadMessageCode)
    /// The request was resent after corrective notifications this many times without success.
    case tooManyResends(BadMessageCode)

    /// A message for the person reading the log.
    public var description: String {
        switch self {
        case .decryptionFailed(let error): "cannot decrypt packet: \(error)"
        case .malformedMessage(let reason): "malformed message: \(reason)"
        case .malformedBody(let error): "malformed message body: \(error)"
        case .sessionMismatch(let expected, let received): "message for session \(received), expected \(expected)"
        case .invalidMessageID(let id): "msg_id \(id) has the wrong low bits for its sender"
        case .messageOutsideTimeWindow(let id, let skew): "msg_id \(id) is \(skew) s away from the corrected clock"
        case .duplicateMessage(let id): "msg_id \(id) was already received or is too old"
        case .invalidContainer(let reason): "invalid container: \(reason)"
        case .invalidCompressedData: "gzip_packed data is not valid gzip"
        case .decompressedTooLarge(let limit): "gzip_packed data inflates beyond \(limit) bytes"
        case .badMessage(let code): "server ignored the message: bad_msg_notification \(code)"
        case .tooManyResends(let code): "gave up resending after repeated bad_msg_notification \(code)"
        }
    }
}
