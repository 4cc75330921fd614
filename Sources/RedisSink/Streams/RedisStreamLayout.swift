/// Which Redis stream a change goes to.
public enum RedisStreamLayout: Sendable, Hashable {
    /// One stream per channel, named `prefix:<channel_id>`.
    case perChannel(prefix: String)
    /// Every channel in the one stream `name`; entries carry `channel_id` either way.
    case single(name: String)

    /// The stream for changes of `channel`.
    public func stream(for channel: Int64) -> String {
        switch self {
        case let .perChannel(prefix): "\(prefix):\(channel)"
        case let .single(name): name
        }
    }
}
