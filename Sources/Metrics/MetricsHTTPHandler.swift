import NIOCore
import NIOHTTP1

/// Answers one request per connection: `GET /metrics` with the exposition text, `GET /healthz` with the health,
/// 404 for anything else; then closes, so no idle connection outlives a scrape.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let health: @Sendable () -> MetricsHTTPServer.Response
    private let metrics: @Sendable () -> MetricsHTTPServer.Response
    private var head: HTTPRequestHead?

    init(health: @escaping @Sendable () -> MetricsHTTPServer.Response,
         metrics: @escaping @Sendable () -> MetricsHTTPServer.Response) {
        self.health = health
        self.metrics = metrics
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request): head = request
        case .body: break
        case .end:
            guard let request = head else { return }
            head = nil
            respond(to: request, context: context)
        }
    }

    private func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = request.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.uri
        let response: MetricsHTTPServer.Response
        switch (request.method, path) {
        case (.GET, "/metrics"), (.HEAD, "/metrics"): response = metrics()
        case (.GET, "/healthz"), (.HEAD, "/healthz"): response = health()
        default: response = .init(status: .notFound, contentType: "text/plain", body: "not found\n")
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.utf8.count))
        headers.add(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: request.version, status: response.status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if request.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: response.body)))),
                          promise: nil)
        }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
