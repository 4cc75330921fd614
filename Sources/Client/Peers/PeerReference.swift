/// A channel as the client looks it up: a username or a numeric id. Text from users (job files, the command
/// line) is parsed by `Jobs.ChannelRef`, which the scheduler turns into this.
public enum PeerReference: Sendable, Hashable, CustomStringConvertible {
    /// A public username, without `@`, as written (Telegram compares case-insensitively).
    case username(String)
    /// A channel id as the API uses it (without the `-100` prefix of bot-API style ids).
    case channelID(Int64)

    /// How the reference reads in logs.
    public var description: String {
        switch self {
        case .username(let name): "@\(name)"
        case .channelID(let id): "channel \(id)"
        }
    }
}
