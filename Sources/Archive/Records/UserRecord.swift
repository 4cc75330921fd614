import Foundation

/// A row of `users`: a user or chat a history answer listed, as last seen. Senders of archived messages
/// (`messages.sender_id`) and bots messages were sent via are named from here.
public struct UserRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "users"

    /// The id Bot API style, as `messages.sender_id` holds it (users positive, channels below -10¹²).
    public var id: Int64
    /// `user`, `channel` or `chat`.
    public var kind: String
    /// The public username, without `@`.
    public var username: String?
    /// A user's first name.
    public var firstName: String?
    /// A user's last name.
    public var lastName: String?
    /// A chat's title.
    public var title: String?
    /// Whether the user is a bot.
    public var bot: Bool
    /// When a page last listed it.
    public var lastSeen: Date

    /// The name as Telegram Desktop shows it: a chat's title, a user's first and last name.
    public var displayName: String? {
        if let title { return title }
        let name = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}
