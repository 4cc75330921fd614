@testable import MTProtoNIO
import NIOCore
import NIOPosix

/// A TCP server on 127.0.0.1 that answers every chunk a client sends with fixed bytes (or never
/// answers), standing in for a broken or hostile server.
final class ScriptedServer: Sendable {
    /// The port it listens on.
    let port: Int
    private let listener: any Channel
    private let accepting: Task<Void, Never>

    private init(port: Int, listener: any Channel, accepting: Task<Void, Never>) {
        self.port = port
        self.listener = listener
        self.accepting = accepting
    }

    /// Starts listening; each chunk received is answered with `reply`, or nothing if nil.
    static func start(reply: [UInt8]?) async throws -> ScriptedServer {
        let accepted = AcceptedChannels()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try accepted.wrap(channel) }
            }
        guard let port = listener.channel.localAddress?.port else { throw ChannelError.unknownLocalAddress }
        let accepting = Task<Void, Never> {
            try? await listener.executeThenClose { inbound in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for try await connection in inbound {
                        accepted.take(connection)
                        group.addTask {
                            try? await connection.executeThenClose { input, output in
                                for try await _ in input {
                                    if let reply { try await output.write(ByteBuffer(bytes: reply)) }
                                }
                            }
                        }
                    }
                    // The listener is closed: every accepted connection is being served; end them.
                    group.cancelAll()
                }
            }
            for unserved in accepted.close() {
                try? await unserved.executeThenClose { _, _ in }
            }
        }
        return ScriptedServer(port: port, listener: listener.channel, accepting: accepting)
    }

    /// Stops listening and closes every connection. The listener is closed rather than the task
    /// cancelled, so connections already accepted are still served and closed (apple/swift-nio#3481).
    func stop() async {
        try? await listener.close()
        await accepting.value
    }
}

/// A raw TCP client: sends `bytes` to `port` and reads until the server closes the connection;
/// returns how many bytes came back.
func sendRaw(_ bytes: [UInt8], toPort port: Int) async throws -> Int {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    return try await channel.executeThenClose { inbound, outbound in
        try await outbound.write(ByteBuffer(bytes: bytes))
        var received = 0
        do {
            for try await buffer in inbound { received += buffer.readableBytes }
        } catch {
            // A reset also means the server closed the connection.
        }
        return received
    }
}
