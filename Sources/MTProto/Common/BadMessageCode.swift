/// The `error_code` of a `bad_msg_notification` or `bad_server_salt`
/// (https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message).
public struct BadMessageCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The code as sent.
    public let rawValue: Int32

    /// Wraps a code as received.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// 16: msg_id too low; the client clock is behind the server's.
    public static let messageIDTooLow = BadMessageCode(rawValue: 16)
    /// 17: msg_id too high; the client clock is ahead of the server's.
    public static let messageIDTooHigh = BadMessageCode(rawValue: 17)
    /// 18: the two low bits of msg_id are wrong (client ids must be divisible by 4).
    public static let messageIDInvalidLowBits = BadMessageCode(rawValue: 18)
    /// 19: a container's msg_id repeats the msg_id of an earlier message.
    public static let containerIDReused = BadMessageCode(rawValue: 19)
    /// 20: the message is too old for the server to tell whether it already received it.
    public static let messageTooOld = BadMessageCode(rawValue: 20)
    /// 32: msg_seqno too low.
    public static let seqNoTooLow = BadMessageCode(rawValue: 32)
    /// 33: msg_seqno too high.
    public static let seqNoTooHigh = BadMessageCode(rawValue: 33)
    /// 34: an even msg_seqno (not content-related) was expected, an odd one was received.
    public static let evenSeqNoExpected = BadMessageCode(rawValue: 34)
    /// 35: an odd msg_seqno (content-related) was expected, an even one was received.
    public static let oddSeqNoExpected = BadMessageCode(rawValue: 35)
    /// 48: wrong server salt (sent as `bad_server_salt` with the right one).
    public static let badServerSalt = BadMessageCode(rawValue: 48)
    /// 64: invalid container.
    public static let invalidContainer = BadMessageCode(rawValue: 64)

    /// The code and what it means.
    public var description: String {
        let meaning: String
        switch self {
        case .messageIDTooLow: meaning = "msg_id too low"
        case .messageIDTooHigh: meaning = "msg_id too high"
        case .messageIDInvalidLowBits: meaning = "msg_id low bits invalid"
        case .containerIDReused: meaning = "container msg_id reused"
        case .messageTooOld: meaning = "message too old"
        case .seqNoTooLow: meaning = "seqno too low"
        case .seqNoTooHigh: meaning = "seqno too high"
        case .evenSeqNoExpected: meaning = "even seqno expected"
        case .oddSeqNoExpected: meaning = "odd seqno expected"
        case .badServerSalt: meaning = "bad server salt"
        case .invalidContainer: meaning = "invalid container"
        default: meaning = "unknown"
        }
        return "\(rawValue) (\(meaning))"
    }
}
