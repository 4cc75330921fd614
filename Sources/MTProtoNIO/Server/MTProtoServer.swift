import Logging
import NIOCore
import NIOPosix

/// An MTProto server on a local port, as the sandbox data center runs it: it accepts any of the
/// client framings (detected per connection), creates auth keys with its RSA key, keeps them in a
/// registry shared by all connections (an unknown key gets -404), and passes requests to a handler.
public final class MTProtoServer: Sendable {
    /// The port the server listens on (the ephemeral one chosen when started with port 0).
    public let port: Int
    private let registry: AuthKeyRegistry
    private let connections: ConnectionTracker
    private let ledger: FaultLedger
    private let listener: any Channel
    private let accepting: Task<Void, Never>

    private init(
        port: Int, registry: AuthKeyRegistry, connections: ConnectionTracker, ledger: FaultLedger,
        listener: any Channel, accepting: Task<Void, Never>
    ) {
        self.port = port
        self.registry = registry
        self.connections = connections
        self.ledger = ledger
        self.listener = listener
        self.accepting = accepting
    }

    /// Binds `host`:`port` (0 picks a free port) and starts accepting connections, answering
    /// requests with `handler`.
    public static func start(
        configuration: ServerConfiguration,
        handler: any MTProtoRequestHandler,
        host: String = "127.0.0.1",
        port: Int = 0,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "tgcron.mtproto.server")
    ) async throws -> MTProtoServer {
        LargeBlockReuse.enable()
        let accepted = AcceptedChannels()
        let listener = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try accepted.wrap(channel) }
            }
        guard let boundPort = listener.channel.localAddress?.port else {
            try? await listener.channel.close()
            throw ChannelError.unknownLocalAddress
        }
        logger.info("listening", metadata: ["host": "\(host)", "port": "\(boundPort)"])
        let registry = AuthKeyRegistry()
        let connections = ConnectionTracker()
        let ledger = FaultLedger()
        let accepting = Task {
            do {
                try await listener.executeThenClose { inbound in
                    for try await channel in inbound {
                        accepted.take(channel)
                        let id = await connections.makeID()
                        let connection = ServerConnection(
                            id: id, configuration: configuration, registry: registry, handler: handler, ledger: ledger, logger: logger)
                        await connections.start(id) { await connection.run(channel) }
                    }
                }
            } catch {
                logger.debug("stopped accepting", metadata: ["reason": "\(error)"])
            }
            for unserved in accepted.close() {
                try? await unserved.executeThenClose { _, _ in }
            }
            await connections.stopAll()
        }
        return MTProtoServer(
            port: boundPort, registry: registry, connections: connections, ledger: ledger,
            listener: listener.channel, accepting: accepting)
    }

    /// Stops listening, closes every connection and waits until all are closed.
    ///
    /// The listening socket is closed rather than the accepting task cancelled, so connections NIO has
    /// already accepted are still handed out and served; any left over are closed (`AcceptedChannels`).
    public func shutdown() async {
        try? await listener.close()
        await accepting.value
    }

    /// How many key exchanges finished since the server started.
    public var keyExchangeCount: Int {
        get async { await registry.keyExchangeCount }
    }

    /// How often each injected fault struck since the server started.
    public var faultCounts: ServerFaultCounts {
        get async { await ledger.counts }
    }

    /// How many connections are open.
    public var connectionCount: Int {
        get async { await connections.count }
    }
}
