import NIOCore
import Synchronization

/// Owns every connection the listener accepted until the accept loop takes it over.
///
/// NIO traps when an accepted `NIOAsyncChannel` is released without being served
/// (apple/swift-nio#3481): that happens when the listener closes while connections are still being
/// accepted, and the async stream drops them. Holding each one here closes that window: the accept
/// loop `take`s what it serves, `close()` refuses later connections and returns the ones never taken,
/// and the server closes those itself.
final class AcceptedChannels: Sendable {
    private struct State {
        var waiting: [ObjectIdentifier: NIOAsyncChannel<ByteBuffer, ByteBuffer>] = [:]
        var isClosed = false
    }

    private let state = Mutex(State())

    /// Wraps a newly accepted channel; throws (and NIO closes the channel) once the server is closing.
    func wrap(_ channel: any Channel) throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try state.withLock { state in
            guard !state.isClosed else { throw ChannelError.ioOnClosedChannel }
            let wrapped = try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            state.waiting[ObjectIdentifier(channel)] = wrapped
            return wrapped
        }
    }

    /// Hands a channel over to the accept loop, which will serve it.
    func take(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) {
        _ = state.withLock { $0.waiting.removeValue(forKey: ObjectIdentifier(channel.channel)) }
    }

    /// Refuses further connections and returns the accepted ones nobody took.
    func close() -> [NIOAsyncChannel<ByteBuffer, ByteBuffer>] {
        state.withLock { state in
            state.isClosed = true
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
    }
}
