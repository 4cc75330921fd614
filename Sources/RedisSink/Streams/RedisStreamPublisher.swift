import Archive
import Foundation

/// Publishes the archive's change log to Redis Streams, at least once: a batch of changes is sent as one
/// pipeline of `XADD`s and the sink cursor moves past it only after Redis acknowledged every entry. A failure
/// (Redis down, a timeout) leaves the cursor, so the next call resends the batch: consumers may see an entry
/// twice (same `seq` field), never miss one.
public actor RedisStreamPublisher {
    /// What to publish and where.
    public struct Configuration: Sendable {
        /// Where Redis is.
        public var endpoint: RedisEndpoint
        /// Stream naming.
        public var layout: RedisStreamLayout
        /// Approximate cap on each stream's length (`MAXLEN ~`); nil keeps everything.
        public var maxLength: Int?
        /// Changes sent per pipeline.
        public var batchSize: Int
        /// The cursor's name in `sink_cursors`.
        public var sinkName: String
        /// How long to wait for Redis to accept a connection and to answer a pipeline.
        public var timeout: Duration

        /// A configuration; by default one stream per channel named `tgcron:<channel_id>`, about 100,000
        /// entries each.
        public init(endpoint: RedisEndpoint, layout: RedisStreamLayout = .perChannel(prefix: "tgcron"),
                    maxLength: Int? = 100_000, batchSize: Int = 500, sinkName: String = "redis",
                    timeout: Duration = .seconds(10)) {
            self.endpoint = endpoint
            self.layout = layout
            self.maxLength = maxLength
            self.batchSize = max(batchSize, 1)
            self.sinkName = sinkName
            self.timeout = timeout
        }
    }

    private let archive: any ArchiveStorage
    private let configuration: Configuration
    private var connection: RedisConnection?

    /// A publisher of `archive`'s changes.
    public init(archive: any ArchiveStorage, configuration: Configuration) {
        self.archive = archive
        self.configuration = configuration
    }

    /// Sends every change after the sink cursor, batch by batch; returns how many were published. On error,
    /// the batches already acknowledged stay published and the connection is dropped (the next call reconnects).
    public func publishPending() async throws(RedisStreamPublisherError) -> Int {
        var published = 0
        while true {
            let batch: [ArchiveChange]
            do {
                batch = try archive.changes(after: try archive.sinkCursor(configuration.sinkName),
                                            limit: configuration.batchSize)
            } catch {
                throw .archive(error)
            }
            guard let last = batch.last else { return published }
            try await send(batch)
            do {
                try archive.advanceSinkCursor(configuration.sinkName, to: last.seq, now: Date())
            } catch {
                throw .archive(error)
            }
            published += batch.count
        }
    }

    /// Closes the connection, if any.
    public func close() async {
        await connection?.close()
        connection = nil
    }

    private func send(_ batch: [ArchiveChange]) async throws(RedisStreamPublisherError) {
        let commands = batch.map {
            StreamEntry(change: $0, layout: configuration.layout).command(maxLength: configuration.maxLength)
        }
        do throws(RedisError) {
            let replies = try await connected().pipeline(commands)
            for reply in replies {
                if case let .error(message) = reply { throw RedisError.server(command: "XADD", message: message) }
            }
        } catch {
            await close()
            throw .redis(error)
        }
    }

    private func connected() async throws(RedisError) -> RedisConnection {
        if let connection { return connection }
        let fresh = try await RedisConnection.connect(to: configuration.endpoint, connectTimeout: configuration.timeout,
                                                      replyTimeout: configuration.timeout)
        connection = fresh
        return fresh
    }
}
