/// Why a `channel:` value could not be read as a channel.
public enum ChannelRefError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The value is empty.
    case empty
    /// A valid username written without `@` (`sandbox_news`), refused so that typos do not pass.
    case missingAt(String)
    /// A username that breaks Telegram's rules (length 4-32, letters, digits, `_`).
    case invalidUsername(String)
    /// An invite link (`t.me/+…`, `t.me/joinchat/…`) whose hash is missing, too short or long (8-64), or holds
    /// characters Telegram's hashes never do.
    case invalidInviteLink(String)
    /// A `t.me/+` link to a phone number (digits only), which names a user, not a chat.
    case phoneNumberLink(String)
    /// A `t.me` link to something other than a channel, such as a single post (`t.me/name/123`).
    case unsupportedLink(String)
    /// A negative id without the `-100` channel prefix: a group or user in the Bot API's numbering.
    case notAChannelID(String)
    /// Anything else.
    case unrecognized(String)

    /// A message for the person editing the job file.
    public var description: String {
        switch self {
        case .empty:
            "channel is empty"
        case .missingAt(let text):
            "'\(text)' needs an '@' in front: write '@\(text)'"
        case .invalidUsername(let text):
            "'\(text)' is not a valid username (4-32 letters, digits or '_', starting with a letter)"
        case .invalidInviteLink(let text):
            "'\(text)' is not a valid invite link: write https://t.me/+HASH or https://t.me/joinchat/HASH with the hash "
                + "Telegram gave (8-64 letters, digits, '-' or '_')"
        case .phoneNumberLink(let text):
            "'\(text)' is a phone number link, not an invite link; tgcron archives channels and groups"
        case .unsupportedLink(let text):
            "'\(text)' is not a channel link; use t.me/<username>"
        case .notAChannelID(let text):
            "'\(text)' is not a channel id (Bot API channel ids start with -100)"
        case .unrecognized(let text):
            "'\(text)' is not a channel: use @name, t.me/name or a numeric id such as -1001234567890"
        }
    }
}
