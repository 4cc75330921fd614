import TL

/// What a `ClientSession` learned from a received packet.
public enum SessionEvent: Sendable, Equatable {
    /// The answer to a request: the result's TL bytes (inflated if it came gzip_packed), or the
    /// server's `rpc_error`. Decode the bytes with `TLRawObject.decode(resultOf:)`.
    case result(RequestID, Result<TLRawObject, RPCError>)
    /// The request will not be answered: the server rejected it in a way resending cannot fix.
    case failed(RequestID, MTProtoError)
    /// A message that is neither a service message nor an answer (updates and the like), as TL bytes.
    case update(TLRawObject)
    /// The server created a new session (`new_session_created`): updates may have been missed, so
    /// the client should re-sync (e.g. `updates.getDifference`). Requests sent before
    /// `firstMessageID` were queued again.
    case newSession(firstMessageID: Int64)
    /// These requests were queued again (after bad_server_salt, a time correction, a new session or
    /// msg_resend_req); call `nextPacket` to send them.
    case resendScheduled([RequestID])
    /// An incoming packet or message was ignored (undecryptable, wrong session, duplicate, outside
    /// the time window, malformed). The session stays usable.
    case rejected(MTProtoError)
}

extension TLRawObject {
    /// Decodes these result bytes as the answer type of `function`, requiring them to be consumed exactly.
    public func decode<Function: TLFunction>(resultOf function: Function.Type) throws(TLDecodingError) -> Function.Result {
        var reader = TLReader(bytes)
        let result = try Function.decodeResult(from: &reader)
        try reader.expectEnd()
        return result
    }
}
