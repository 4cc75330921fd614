import NIOCore
import NIOHTTP1

/// Collects one response (head and body) and completes `promise` with it when the response ends; fails it
/// if the connection closes first.
final class HTTPResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let promise: EventLoopPromise<HTTPResponse>
    private let host: String
    private var status = 0
    private var body: [UInt8] = []

    init(promise: EventLoopPromise<HTTPResponse>, host: String) {
        self.promise = promise
        self.host = host
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): status = Int(head.status.code)
        case .body(var buffer): body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            promise.succeed(HTTPResponse(status: status, body: body))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(NotifyError.connectionFailed(host: host, reason: "connection closed before the response ended"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(NotifyError.connectionFailed(host: host, reason: "\(error)"))
        context.close(promise: nil)
    }
}
