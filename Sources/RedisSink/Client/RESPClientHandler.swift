import NIOCore

/// A batch of commands written together, with one promise per expected reply.
struct RedisRequest: Sendable {
    var commands: [RedisCommand]
    var replies: [EventLoopPromise<RESPValue>]
}

/// Encodes requests and hands each parsed reply to the oldest waiting promise: Redis answers in order, so
/// pipelined commands need nothing more than a queue.
final class RESPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = RedisRequest
    typealias OutboundOut = ByteBuffer

    private let endpoint: String
    private var waiting = CircularBuffer<EventLoopPromise<RESPValue>>()
    private var received: ByteBuffer?

    init(endpoint: String) {
        self.endpoint = endpoint
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        var buffer = context.channel.allocator.buffer(capacity: 256)
        for command in request.commands { RESPEncoder.encode(command, into: &buffer) }
        waiting.append(contentsOf: request.replies)
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        if var previous = received {
            previous.writeBuffer(&incoming)
            incoming = previous
        }
        do {
            while let reply = try RESPParser.parse(&incoming) {
                guard let promise = waiting.popFirst() else {
                    throw RedisError.protocolViolation(reason: "a reply arrived that no command asked for")
                }
                promise.succeed(reply)
            }
        } catch {
            failWaiting(error)
            context.close(promise: nil)
            return
        }
        received = incoming.readableBytes > 0 ? incoming : nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        failWaiting(RedisError.connectionClosed(endpoint: endpoint))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failWaiting(RedisError.connectionClosed(endpoint: endpoint))
        context.close(promise: nil)
    }

    private func failWaiting(_ error: any Error) {
        while let promise = waiting.popFirst() { promise.fail(error) }
    }
}
