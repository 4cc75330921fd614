/// Which party made a `msg_id`, encoded in its two low bits
/// (https://core.telegram.org/mtproto/description#message-identifier-msg-id).
public enum MessageIDKind: Sendable, Hashable {
    /// Sent by the client: divisible by 4.
    case client
    /// Sent by the server in response to a client message: 1 mod 4.
    case serverResponse
    /// Sent by the server on its own initiative: 3 mod 4.
    case serverOther

    /// The value of the two low bits.
    var lowBits: Int64 {
        switch self {
        case .client: 0
        case .serverResponse: 1
        case .serverOther: 3
        }
    }
}

/// Reading the parts of a `msg_id`.
public enum MessageID {
    /// The Unix time (in seconds) a `msg_id` carries in its upper 32 bits.
    public static func seconds(of messageID: Int64) -> Int64 {
        messageID >> 32
    }

    /// Whether `messageID` has the low bits a server message must have (odd).
    public static func isFromServer(_ messageID: Int64) -> Bool {
        messageID & 1 == 1
    }

    /// Whether `messageID` has the low bits a client message must have (divisible by 4).
    public static func isFromClient(_ messageID: Int64) -> Bool {
        messageID & 3 == 0
    }
}

/// Produces strictly increasing `msg_id`s from the caller's clock.
///
/// `msg_id = (unix_seconds << 32) | sub-second part`, with the two low bits set to the kind. The
/// sub-second part is the nanosecond count with its low bits cleared, as gotd/td does
/// (`proto/message_id.go`); the docs only require "approximately unixtime * 2^32". If the clock stalls
/// or goes backwards, the next id is the previous one plus 4, so ids never repeat or decrease.
public struct MessageIDGenerator: Sendable {
    /// The last id produced (0 before the first).
    public private(set) var lastID: Int64 = 0
    /// Seconds added to the caller's clock: server time minus local time.
    public var timeOffset: Int64

    /// A generator whose ids carry local time plus `timeOffset` seconds.
    public init(timeOffset: Int64 = 0) {
        self.timeOffset = timeOffset
    }

    /// Adopts a corrected `timeOffset` and forgets the last id, so that ids may drop below ones the
    /// server rejected as too high (as Telethon's `MTProtoState.update_time_offset` does).
    public mutating func correct(timeOffset: Int64) {
        self.timeOffset = timeOffset
        lastID = 0
    }

    /// The next id of `kind` for the local time `now`.
    public mutating func next(now: UnixTime, kind: MessageIDKind) -> Int64 {
        let seconds = now.seconds + timeOffset
        var base = (seconds << 32 | now.nanosecondsOfSecond) & ~3
        let lastBase = lastID & ~3
        if base <= lastBase { base = lastBase + 4 }
        lastID = base | kind.lowBits
        return lastID
    }
}
