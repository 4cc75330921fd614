import NIOCore
import NIOPosix
import Timekeeping

/// One TCP connection to Redis speaking RESP2: logs in and selects the database on connect, then sends
/// single commands or pipelines of them, each with a reply timeout.
///
/// After a timeout or any connection error the connection is closed for good; make a new one.
public final class RedisConnection: Sendable {
    /// Where it is connected.
    public let endpoint: RedisEndpoint
    /// How long a command (or a whole pipeline) may wait for its replies.
    public let replyTimeout: Duration
    private let channel: any Channel

    private init(endpoint: RedisEndpoint, replyTimeout: Duration, channel: any Channel) {
        self.endpoint = endpoint
        self.replyTimeout = replyTimeout
        self.channel = channel
    }

    /// Connects to `endpoint` within `connectTimeout`, then sends `AUTH` (if it has a password) and `SELECT`
    /// (if its database is not 0).
    public static func connect(to endpoint: RedisEndpoint, connectTimeout: Duration = .seconds(5),
                               replyTimeout: Duration = .seconds(10),
                               group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton)
        async throws(RedisError) -> RedisConnection {
        let name = endpoint.description
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.nanoseconds(Int64(connectTimeout.nanoseconds)))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(RESPClientHandler(endpoint: name))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: endpoint.host, port: endpoint.port).get()
        } catch {
            throw .connectionFailed(endpoint: name, reason: "\(error)")
        }
        let connection = RedisConnection(endpoint: endpoint, replyTimeout: replyTimeout, channel: channel)
        do {
            if let password = endpoint.password {
                let credentials = endpoint.username.map { [$0, password] } ?? [password]
                _ = try await connection.send(RedisCommand("AUTH", credentials))
            }
            if endpoint.database != 0 {
                _ = try await connection.send(RedisCommand("SELECT", [String(endpoint.database)]))
            }
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    /// Sends `command` and returns its reply; an error reply is thrown as `RedisError.server`.
    public func send(_ command: RedisCommand) async throws(RedisError) -> RESPValue {
        let reply = try await pipeline([command])[0]
        if case let .error(message) = reply { throw .server(command: command.name, message: message) }
        return reply
    }

    /// Writes all `commands` at once and returns their replies in order. Error replies are returned as
    /// `.error` values, so the caller decides what a refused command means.
    public func pipeline(_ commands: [RedisCommand]) async throws(RedisError) -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        let loop = channel.eventLoop
        let replies = commands.map { _ in loop.makePromise(of: RESPValue.self) }
        let label = commands.count == 1 ? commands[0].name : "a pipeline of \(commands.count) commands"
        let channel = self.channel
        let closed = RedisError.connectionClosed(endpoint: endpoint.description)
        // Whichever comes first completes `result`: all replies, a broken connection, or the timeout (which
        // also closes the connection, failing the replies; completing a promise twice is a no-op).
        let result = loop.makePromise(of: [RESPValue].self)
        let timeout = loop.scheduleTask(in: .nanoseconds(replyTimeout.nanoseconds)) { [replyTimeout] in
            result.fail(RedisError.timeout(command: label, seconds: replyTimeout.timeInterval))
            channel.close(promise: nil)
        }
        EventLoopFuture.whenAllSucceed(replies.map(\.futureResult), on: loop).whenComplete { outcome in
            timeout.cancel()
            result.completeWith(outcome)
        }
        channel.writeAndFlush(RedisRequest(commands: commands, replies: replies)).whenFailure { _ in
            for reply in replies { reply.fail(closed) }
        }
        do {
            return try await result.futureResult.get()
        } catch {
            throw error as? RedisError ?? closed
        }
    }

    /// Closes the connection; replies still awaited fail with `connectionClosed`.
    public func close() async {
        try? await channel.close()
    }
}

extension Duration {
    /// The duration in nanoseconds (saturating), for NIO's `TimeAmount`.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product &+ attoseconds / 1_000_000_000
    }
}
