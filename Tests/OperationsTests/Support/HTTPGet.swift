import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A plain TCP client that sends one raw HTTP request and returns everything the server wrote until it closed.
enum HTTPGet {
    static func raw(port: Int, request: String) async throws -> String {
        let received = NIOLockedValueBox("")
        let closed = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: Void.self)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(Collector(received: received, closed: closed))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
        } catch {
            closed.fail(error)
            throw error
        }
        try await channel.writeAndFlush(ByteBuffer(string: request))
        try await closed.futureResult.get()
        return received.withLockedValue { $0 }
    }

    /// `GET path` with HTTP/1.1.
    static func get(port: Int, path: String) async throws -> String {
        try await raw(port: port, request: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    }

    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let received: NIOLockedValueBox<String>
        let closed: EventLoopPromise<Void>

        init(received: NIOLockedValueBox<String>, closed: EventLoopPromise<Void>) {
            self.received = received
            self.closed = closed
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let text = String(buffer: unwrapInboundIn(data))
            received.withLockedValue { $0 += text }
        }

        func channelInactive(context: ChannelHandlerContext) {
            closed.succeed()
        }
    }
}
