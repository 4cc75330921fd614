import Foundation

/// A channel as a user names it in a job file: a username or a numeric id.
public enum PeerReference: Sendable, Hashable, CustomStringConvertible {
    /// A public username, without `@`, as written (Telegram compares case-insensitively).
    case username(String)
    /// A channel id as the API uses it (without the `-100` prefix of bot-API style ids).
    case channelID(Int64)

    /// Parses `@name`, `name`, `t.me/name`, `https://t.me/name`, `https://t.me/s/name` (a trailing
    /// post number or query is ignored), `-100…` bot-API channel ids and bare channel ids.
    public init(parsing text: String) throws(ClientError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Self.channelID(trimmed) {
            self = .channelID(id)
            return
        }
        guard let name = Self.username(trimmed), Self.isValidUsername(name) else {
            throw .invalidPeerReference(text)
        }
        self = .username(name)
    }

    /// How the reference reads in logs.
    public var description: String {
        switch self {
        case .username(let name): "@\(name)"
        case .channelID(let id): "channel \(id)"
        }
    }

    /// The API channel id of `-100…` or a bare positive number.
    private static func channelID(_ text: String) -> Int64? {
        if text.hasPrefix("-100"), let id = Int64(text.dropFirst(4)), id > 0 { return id }
        if let id = Int64(text), id > 0 { return id }
        return nil
    }

    /// The username part of `@name`, `name` or a t.me link.
    private static func username(_ text: String) -> String? {
        if text.hasPrefix("@") { return String(text.dropFirst()) }
        var rest = Substring(text)
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        for host in ["www.t.me/", "t.me/", "telegram.me/"] where rest.lowercased().hasPrefix(host) {
            rest = rest.dropFirst(host.count)
            let path = rest.split(whereSeparator: { $0 == "?" || $0 == "#" }).first ?? ""
            var parts = path.split(separator: "/")
            if parts.first == "s" { parts.removeFirst() }
            return parts.first.map(String.init)
        }
        return rest.contains("/") ? nil : String(rest)
    }

    /// Telegram's rule: 5–32 characters of letters, digits and underscores, starting with a letter.
    private static func isValidUsername(_ name: String) -> Bool {
        guard (5...32).contains(name.count), let first = name.unicodeScalars.first, first.isASCIILetter else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" }
    }
}

extension Unicode.Scalar {
    /// Whether this is `a`–`z` or `A`–`Z`.
    fileprivate var isASCIILetter: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self)
    }
}
