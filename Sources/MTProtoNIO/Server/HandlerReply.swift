import MTProto

/// How the server answers one request.
public enum HandlerReply: Sendable {
    /// Answer with these TL bytes (the function's result type).
    case result([UInt8])
    /// Answer with an `rpc_error`.
    case error(RPCError)
    /// Close the connection without answering (fault injection).
    case dropConnection
}
