import NIOCore

/// Runs a `SOCKS5Handshake` at the front of a channel's pipeline, then steps aside: the MTProto link
/// behind it sees only the tunnelled stream. `opened` succeeds when the tunnel is open.
final class SOCKS5HandshakeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private var handshake: SOCKS5Handshake
    private let opened: EventLoopPromise<Void>
    private var greeted = false
    private var settled = false

    /// A handler asking the proxy for `host`:`port`; `opened` learns the outcome.
    init(host: String, port: Int, credentials: SOCKS5Credentials?, opened: EventLoopPromise<Void>) {
        handshake = SOCKS5Handshake(host: host, port: port, credentials: credentials)
        self.opened = opened
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { greet(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        greet(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        do {
            let (send, leftover) = try handshake.feed(bytes)
            if !send.isEmpty { context.writeAndFlush(wrapOutboundOut(send, context), promise: nil) }
            guard handshake.isDone else { return }
            settle(nil)
            if !leftover.isEmpty { context.fireChannelRead(wrapInboundOut(context.channel.allocator.buffer(bytes: leftover))) }
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        } catch {
            settle(ConnectionError.network(error.description))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        settle(ConnectionError.network("the SOCKS5 proxy closed the connection during the handshake"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        settle(error)
        context.fireErrorCaught(error)
    }

    /// Completes `opened` once: with success when `error` is nil.
    private func settle(_ error: (any Error)?) {
        guard !settled else { return }
        settled = true
        if let error { opened.fail(error) } else { opened.succeed() }
    }

    private func greet(_ context: ChannelHandlerContext) {
        guard !greeted else { return }
        greeted = true
        context.writeAndFlush(wrapOutboundOut(handshake.greeting(), context), promise: nil)
    }

    private func wrapOutboundOut(_ bytes: [UInt8], _ context: ChannelHandlerContext) -> NIOAny {
        NIOAny(context.channel.allocator.buffer(bytes: bytes))
    }
}
