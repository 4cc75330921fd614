import Archive
import NIOCore
import NIOHTTP1
import NIOPosix

/// The daemon's HTTP endpoint for Prometheus: `GET /metrics` (read from the archive on every scrape) and
/// `GET /healthz`. Meant for a loopback address; it has no authentication.
public final class MetricsHTTPServer: Sendable {
    /// One HTTP answer.
    public struct Response: Sendable, Equatable {
        /// The status.
        public var status: HTTPResponseStatus
        /// The `Content-Type`.
        public var contentType: String
        /// The body.
        public var body: String

        /// A response.
        public init(status: HTTPResponseStatus, contentType: String, body: String) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    /// The port it listens on (the one the system chose when started with port 0).
    public let port: Int
    private let channel: any Channel

    private init(port: Int, channel: any Channel) {
        self.port = port
        self.channel = channel
    }

    /// Listens on `host:port` and serves metrics from `archive`; a scrape whose archive read fails gets a 503.
    /// `/healthz` answers 200 `ok` while the archive reads and no job's latest run failed, else 503 saying why.
    public static func start(host: String = "127.0.0.1", port: Int, archive: ArchiveStore, version: String = "unknown",
                             group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton)
        async throws(MetricsError) -> MetricsHTTPServer {
        try await start(host: host, port: port, group: group, health: {
            do {
                let failing = try MetricsSnapshot.collect(from: archive, version: version).failingJobs
                return failing.isEmpty
                    ? Response(status: .ok, contentType: "text/plain", body: "ok\n")
                    : Response(status: .serviceUnavailable, contentType: "text/plain",
                               body: "latest run failed: \(failing.joined(separator: ", "))\n")
            } catch {
                return Response(status: .serviceUnavailable, contentType: "text/plain", body: "\(error)\n")
            }
        }, metrics: {
            do {
                let snapshot = try MetricsSnapshot.collect(from: archive, version: version)
                return Response(status: .ok, contentType: PrometheusText.contentType, body: PrometheusText.render(snapshot))
            } catch {
                return Response(status: .serviceUnavailable, contentType: "text/plain", body: "\(error)\n")
            }
        })
    }

    /// Listens on `host:port`, answering `/metrics` with what `metrics` returns and `/healthz` with what
    /// `health` returns (by default 200 `ok`).
    public static func start(host: String, port: Int, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                             health: @escaping @Sendable () -> Response = { Response(status: .ok, contentType: "text/plain", body: "ok\n") },
                             metrics: @escaping @Sendable () -> Response) async throws(MetricsError) -> MetricsHTTPServer {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(health: health, metrics: metrics))
                }
            }
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            guard let bound = channel.localAddress?.port else {
                try? await channel.close()
                throw MetricsError.listenFailed(address: address, reason: "no local port")
            }
            return MetricsHTTPServer(port: bound, channel: channel)
        } catch let error as MetricsError {
            throw error
        } catch {
            throw .listenFailed(address: address, reason: "\(error)")
        }
    }

    /// Stops listening. Connections being answered finish on their own.
    public func shutdown() async {
        try? await channel.close()
    }
}
