import MTProtoTransport

/// Where a request came from, and a way to send the client updates over the same session.
public struct RequestContext: Sendable {
    /// The auth key the request was encrypted with.
    public let authKeyID: Int64
    /// The client's session id.
    public let sessionID: Int64
    /// The server connection's number (1 for the first accepted connection).
    public let connectionID: Int
    /// The framing the client speaks.
    public let transport: DetectedTransport?
    let connection: ServerConnection

    /// Sends `body` (a TL object such as `Updates`) to the client as an update, if the connection
    /// is still open.
    public func sendUpdate(_ body: [UInt8]) async {
        await connection.push(update: body)
    }
}
