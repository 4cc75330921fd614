import TL

/// A request the server side of a session received: its msg_id (to reply to) and its TL bytes.
public struct ReceivedRequest: Sendable, Equatable {
    /// The msg_id to answer with `ServerSession.reply(to:result:)`.
    public let messageID: Int64
    /// The request's TL bytes (inflated if it came gzip_packed).
    public let body: [UInt8]

    /// Decodes the body as any known function of the API or MTProto schema (including wrappers
    /// such as `invokeWithLayer`).
    public func decodeFunction() throws(TLDecodingError) -> TLAnyFunction {
        try TLAnyFunction(bytes: body)
    }
}

/// What a `ServerSession` learned from a received packet.
public enum ServerSessionEvent: Sendable, Equatable {
    /// A request to answer.
    case request(ReceivedRequest)
    /// The client acknowledged these server msg_ids.
    case acknowledged([Int64])
    /// The client answered the server's `msgs_state_req` sent as `requestID` with one status byte per msg_id.
    case stateInfo(requestID: Int64, info: [UInt8])
    /// The client asked for these server messages again (`msg_resend_req`).
    case resendRequested([Int64])
    /// The client started a session with this id; `new_session_created` goes out with the next packet.
    case newSession(sessionID: Int64)
    /// The message was ignored and answered with a bad_msg_notification (or bad_server_salt) with `code`.
    case ignored(messageID: Int64, code: BadMessageCode)
    /// A packet or message was dropped without an answer (undecryptable, duplicate, malformed).
    case rejected(MTProtoError)
}
