import Foundation

/// Something Telegram decides at a chosen moment of simulated time, after which the sandbox answers as
/// Telegram would: an account banned or its sessions revoked, a channel made private, renamed or deleted.
///
/// Written as `KIND:SUBJECT[:NEW]@TIME` on the command line (`ban:9996621234@2026-01-02T00:00:00Z`,
/// `rename:sandbox_news:sandbox_daily@2026-01-02T00:00:00Z`) or as `{kind, subject, to, at}` in a world file.
public struct WorldEvent: Codable, Sendable, Equatable {
    /// What happens.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The account (subject: its phone) is banned: every call answers 401 `USER_DEACTIVATED_BAN`, and a
        /// new login `PHONE_NUMBER_BANNED`.
        case ban
        /// The account's sessions (subject: its phone) logged in before the event are revoked: 401
        /// `SESSION_REVOKED`; a new login works.
        case revoke
        /// The channel (subject: its username) turns private: calls by id answer `CHANNEL_PRIVATE`, its
        /// username no longer resolves.
        case `private`
        /// The channel (subject: its username) takes the username `to`: the old one no longer resolves.
        case rename
        /// The channel (subject: its username) is deleted: calls by id answer `CHANNEL_INVALID`.
        case delete
    }

    /// What happens.
    public var kind: Kind
    /// The phone (ban, revoke) or the channel's original username (the others).
    public var subject: String
    /// The new username of a rename.
    public var to: String?
    /// When it happens (simulated time).
    public var at: Date

    /// An event.
    public init(kind: Kind, subject: String, to: String? = nil, at: Date) {
        self.kind = kind
        self.subject = subject
        self.to = to
        self.at = at
    }

    /// Parses `KIND:SUBJECT[:NEW]@TIME` (TIME in RFC 3339).
    public init(parsing text: String) throws(WorldSpecError) {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        let fields = (parts.first ?? "").split(separator: ":").map(String.init)
        guard parts.count == 2, let date = ISO8601DateFormatter().date(from: parts[1]),
              fields.count >= 2, let kind = Kind(rawValue: fields[0]),
              (kind == .rename) == (fields.count == 3), fields.count <= 3 else {
            throw .unreadable("event '\(text)': expected KIND:SUBJECT[:NEW]@RFC3339-TIME with KIND one of "
                              + Kind.allCases.map(\.rawValue).joined(separator: ", ") + " (NEW only for rename)")
        }
        self.init(kind: kind, subject: fields[1], to: fields.count == 3 ? fields[2] : nil, at: date)
    }

    /// Whether the event has happened by `now` (unix seconds).
    func happened(by now: Double) -> Bool {
        at.timeIntervalSince1970 <= now
    }
}
