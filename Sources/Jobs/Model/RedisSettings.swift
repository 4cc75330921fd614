/// The `redis:` block of the settings: publish new, edited and deleted messages to Redis Streams.
public struct RedisSettings: Hashable, Sendable {
    /// The environment variable holding Redis's password, if it needs one (never in the URL).
    public static let passwordEnvironmentKey = "TGCRON_REDIS_PASSWORD"

    /// Redis's host.
    public var host: String
    /// Redis's port.
    public var port: Int
    /// The database number (the URL's path).
    public var database: Int
    /// Streams are named `<stream_prefix>:<channel_id>`, or just `<stream_prefix>` with `single_stream`.
    public var streamPrefix: String
    /// Whether every channel goes to one stream.
    public var singleStream: Bool
    /// Approximate cap on each stream's length (nil: keep everything).
    public var maxLength: Int?

    /// Redis settings; by default 127.0.0.1:6379, database 0, streams `tgcron:<channel_id>` of ~100,000 entries.
    public init(host: String = "127.0.0.1", port: Int = 6379, database: Int = 0, streamPrefix: String = "tgcron",
                singleStream: Bool = false, maxLength: Int? = 100_000) {
        self.host = host
        self.port = port
        self.database = database
        self.streamPrefix = streamPrefix
        self.singleStream = singleStream
        self.maxLength = maxLength
    }
}
