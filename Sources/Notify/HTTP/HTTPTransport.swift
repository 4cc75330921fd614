/// What a notifier needs from HTTP: one POST and its response. The seam between notifiers and sockets.
public protocol HTTPTransport: Sendable {
    /// POSTs `body` to `target` and returns the response, whatever its status.
    func post(_ body: [UInt8], contentType: String, to target: HTTPTarget) async throws(NotifyError) -> HTTPResponse
}

/// An HTTP response: status code and body.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The body bytes.
    public var body: [UInt8]

    /// A response.
    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}
