/// A channel as the client looks it up: a username, a numeric id or a private invite link's hash. Text from users (job files, the command
/// line) is parsed by `Jobs.ChannelRef`, which the scheduler turns into this.
public enum PeerReference: Sendable, Hashable, CustomStringConvertible {
    /// A public username, without `@`, as written (Telegram compares case-insensitively).
    case username(String)
    /// A channel id as the API uses it (without the `-100` prefix of bot-API style ids).
    case channelID(Int64)
    /// The hash of an invite link (`t.me/+HASH`): checked with `messages.checkChatInvite`, joined once
    /// (`InviteLinks`), then reached by the id it led to.
    case invite(String)

    /// How the reference reads in logs (an invite's hash shortened: it grants access to a private chat).
    public var description: String {
        switch self {
        case .username(let name): "@\(name)"
        case .channelID(let id): "channel \(id)"
        case .invite(let hash): "invite link t.me/+\(hash.prefix(4))…"
        }
    }
}
