import Foundation

/// The channel a job archives, as a username, a numeric channel id or a private invite link.
public enum ChannelRef: Hashable, Sendable, CustomStringConvertible {
    /// A public username, lowercased and without `@` (Telegram usernames are case-insensitive).
    case username(String)
    /// An MTProto channel id, positive, without the Bot API's `-100` prefix.
    case id(Int64)
    /// The hash of a private invite link (`t.me/+HASH`, `t.me/joinchat/HASH`), as written (it is case-sensitive).
    case invite(String)

    /// `@name`, the channel id, or the invite link with its hash shortened: the hash grants access to a
    /// private chat, so logs and run records never carry it whole.
    public var description: String {
        switch self {
        case .username(let name): "@\(name)"
        case .id(let id): String(id)
        case .invite(let hash): "invite link t.me/+\(hash.prefix(4))…"
        }
    }

    /// Reads a channel reference: `@name`, `t.me/name`, `https://t.me/name`, `https://t.me/s/name`
    /// (`telegram.me` too), a Bot API id such as `-1001234567890`, a bare channel id `1234567890`, or an
    /// invite link `https://t.me/+HASH` / `https://t.me/joinchat/HASH`.
    public init(parsing text: String) throws(ChannelRefError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        if let first = trimmed.first, first == "-" || first.isASCIIDigit {
            self = .id(try Self.channelID(trimmed))
        } else if trimmed.hasPrefix("@") {
            self = .username(try Self.username(trimmed.dropFirst(), in: trimmed))
        } else if let path = Self.linkPath(trimmed) {
            if let hash = try Self.inviteHash(fromLinkPath: path, in: trimmed) {
                self = .invite(hash)
            } else {
                self = .username(try Self.username(fromLinkPath: path, in: trimmed))
            }
        } else if (try? Self.username(Substring(trimmed), in: trimmed)) != nil {
            throw .missingAt(trimmed)
        } else {
            throw .unrecognized(trimmed)
        }
    }

    /// A channel id from `-100…` (Bot API form) or plain digits.
    private static func channelID(_ text: String) throws(ChannelRefError) -> Int64 {
        let digits = text.hasPrefix("-100") ? text.dropFirst(4) : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            throw text.hasPrefix("-") && text.dropFirst().allSatisfy(\.isASCIIDigit)
                ? .notAChannelID(text) : .unrecognized(text)
        }
        guard let id = Int64(digits), id > 0 else { throw .unrecognized(text) }
        return id
    }

    /// The path after `t.me/` or `telegram.me/` (scheme optional), or nil if `text` is no such link.
    private static func linkPath(_ text: String) -> Substring? {
        var rest = Substring(text)
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        for host in ["t.me/", "www.t.me/", "telegram.me/", "www.telegram.me/"] where rest.lowercased().hasPrefix(host) {
            return rest.dropFirst(host.count)
        }
        return nil
    }

    /// The username in a link path: `name`, `name/`, `s/name`.
    private static func username(fromLinkPath path: Substring, in text: String) throws(ChannelRefError) -> String {
        var rest = path
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.hasPrefix("s/") { rest = rest.dropFirst(2) }
        guard !rest.contains("/") else { throw .unsupportedLink(text) }
        return try username(rest, in: text)
    }

    /// The hash of an invite link path (`+HASH`, `joinchat/HASH`, a trailing `/` allowed), nil for other
    /// paths. Telegram's hashes are URL-safe base64 (letters, digits, `-`, `_`); `+` followed by digits only
    /// is a phone number link (`t.me/+14155550123`), not an invite.
    private static func inviteHash(fromLinkPath path: Substring, in text: String) throws(ChannelRefError) -> String? {
        var rest = path
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.hasPrefix("+") {
            rest = rest.dropFirst()
        } else if rest.lowercased().hasPrefix("joinchat/") {
            rest = rest.dropFirst("joinchat/".count)
        } else {
            return nil
        }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
              (8...64).contains(rest.count) else {
            throw .invalidInviteLink(text)
        }
        guard !rest.allSatisfy(\.isASCIIDigit) else { throw .phoneNumberLink(text) }
        return String(rest)
    }

    /// A username checked against Telegram's rules: 4-32 letters, digits and underscores, starting
    /// with a letter and not ending with an underscore.
    private static func username(_ name: Substring, in text: String) throws(ChannelRefError) -> String {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        guard allowed, (4...32).contains(name.count), name.first?.isLetter == true, name.last != "_" else {
            throw .invalidUsername(text)
        }
        return name.lowercased()
    }
}
