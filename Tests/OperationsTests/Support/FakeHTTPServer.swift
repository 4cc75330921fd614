import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A local HTTP server standing in for the Bot API or a webhook receiver: records every request and
/// answers with a fixed status and body.
final class FakeHTTPServer: Sendable {
    /// One request as received.
    struct Request: Sendable {
        var method: HTTPMethod
        var uri: String
        var headers: HTTPHeaders
        var body: String
    }

    let port: Int
    private let channel: any Channel
    private let recorded: NIOLockedValueBox<[Request]>

    var requests: [Request] { recorded.withLockedValue { $0 } }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    static func start(status: HTTPResponseStatus = .ok, body: String = #"{"ok":true}"#) async throws -> FakeHTTPServer {
        let recorded = NIOLockedValueBox<[Request]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        Recorder(status: status, body: body, record: { request in recorded.withLockedValue { $0.append(request) } }))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return FakeHTTPServer(port: channel.localAddress?.port ?? 0, channel: channel, recorded: recorded)
    }

    private init(port: Int, channel: any Channel, recorded: NIOLockedValueBox<[Request]>) {
        self.port = port
        self.channel = channel
        self.recorded = recorded
    }

    func shutdown() async {
        try? await channel.close()
    }

    private final class Recorder: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let status: HTTPResponseStatus
        let body: String
        let record: @Sendable (Request) -> Void
        private var head: HTTPRequestHead?
        private var received = ""

        init(status: HTTPResponseStatus, body: String, record: @escaping @Sendable (Request) -> Void) {
            self.status = status
            self.body = body
            self.record = record
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let request):
                head = request
                received = ""
            case .body(let buffer): received += String(buffer: buffer)
            case .end:
                guard let head else { return }
                record(Request(method: head.method, uri: head.uri, headers: head.headers, body: received))
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Content-Length", value: String(body.utf8.count))
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
                              promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
