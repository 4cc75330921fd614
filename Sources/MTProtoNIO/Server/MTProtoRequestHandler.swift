import MTProto

/// What the server does with requests: the sandbox DC implements the API behind it.
///
/// Requests of one connection are handled concurrently, and replies go out in the order they
/// complete. A handler should return promptly once its task is cancelled (the connection closed),
/// since closing waits for running handlers.
public protocol MTProtoRequestHandler: Sendable {
    /// Answers `request` (decode it with `request.decodeFunction()`), sent over `context`.
    func handle(_ request: ReceivedRequest, context: RequestContext) async -> HandlerReply
    /// Hears that connection `connectionID` closed, after its last request's handler finished.
    func connectionClosed(connectionID: Int) async
}

extension MTProtoRequestHandler {
    /// Nothing to do by default.
    public func connectionClosed(connectionID: Int) async {}
}
