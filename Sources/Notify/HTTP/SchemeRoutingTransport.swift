/// The notifiers' default transport: plain `http` over SwiftNIO, `https` through `URLSessionHTTPTransport`.
public struct SchemeRoutingTransport: HTTPTransport {
    private let plain: NIOHTTPTransport
    private let secure: URLSessionHTTPTransport

    /// A transport whose POSTs take at most `timeout` either way.
    public init(timeout: Duration = .seconds(10)) {
        plain = NIOHTTPTransport(timeout: timeout)
        secure = URLSessionHTTPTransport(timeout: timeout)
    }

    /// POSTs through the transport for the target's scheme.
    public func post(_ body: [UInt8], contentType: String, to target: HTTPTarget) async throws(NotifyError) -> HTTPResponse {
        target.scheme == "https"
            ? try await secure.post(body, contentType: contentType, to: target)
            : try await plain.post(body, contentType: contentType, to: target)
    }
}
