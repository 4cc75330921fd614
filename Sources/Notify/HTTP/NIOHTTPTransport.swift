import NIOCore
import NIOHTTP1
import NIOPosix

/// HTTP/1.1 over SwiftNIO without TLS: one connection per POST, closed after the response.
///
/// It refuses `https` targets with `NotifyError.tlsUnavailable`: the package has no TLS library for NIO
/// (swift-nio-ssl is not a dependency: our builds resolve packages offline). `SchemeRoutingTransport` sends
/// HTTPS through `URLSessionHTTPTransport` instead.
public struct NIOHTTPTransport: HTTPTransport {
    /// How long a POST may take from connecting to the end of the response.
    public var timeout: Duration
    private let group: any EventLoopGroup

    /// A transport on `group`.
    public init(timeout: Duration = .seconds(10), group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.timeout = timeout
        self.group = group
    }

    /// POSTs `body` to `target` over plain HTTP.
    public func post(_ body: [UInt8], contentType: String, to target: HTTPTarget) async throws(NotifyError) -> HTTPResponse {
        guard target.scheme == "http" else { throw .tlsUnavailable(host: target.authority) }
        let host = target.authority
        let timeAmount = TimeAmount.nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
                                                + timeout.components.attoseconds / 1_000_000_000)
        let loop = group.next()
        let response = loop.makePromise(of: HTTPResponse.self)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: loop)
                .connectTimeout(timeAmount)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(HTTPResponseCollector(promise: response, host: host))
                    }
                }
                .connect(host: target.host, port: target.port).get()
        } catch {
            response.fail(NotifyError.connectionFailed(host: host, reason: "\(error)"))
            throw .connectionFailed(host: host, reason: "\(error)")
        }
        let timer = loop.scheduleTask(in: timeAmount) {
            response.fail(NotifyError.timeout(host: host))
            channel.close(promise: nil)
        }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: target.port == 80 ? target.host : host)
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Connection", value: "close")
        headers.add(name: "User-Agent", value: "tgcron")
        let head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target.pathAndQuery, headers: headers)
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        do {
            let result = try await response.futureResult.get()
            timer.cancel()
            return result
        } catch {
            timer.cancel()
            channel.close(promise: nil)
            throw error as? NotifyError ?? .connectionFailed(host: host, reason: "\(error)")
        }
    }
}
