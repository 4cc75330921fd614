import Foundation
import TL

/// What a history page carries besides its messages: the users and chats its answer listed, and, for a page
/// of a discussion group, the channel whose posts the group discusses.
public struct PagePeers: Sendable {
    /// The answer's `users` vector.
    public var users: [Api.User]
    /// The answer's `chats` vector.
    public var chats: [Api.Chat]
    /// The channel the page's group discusses (nil for a channel's or a plain supergroup's page).
    public var discussionOf: Int64?

    /// Peers of a page.
    public init(users: [Api.User] = [], chats: [Api.Chat] = [], discussionOf: Int64? = nil) {
        self.users = users
        self.chats = chats
        self.discussionOf = discussionOf
    }
}

extension PagePeers {
    /// The `users` rows the page's users and chats make, seen at `now`, each with whether it came from a `min`
    /// constructor (a partial copy the server sends when the full one is not needed: it only adds an id not
    /// seen before, never overwrites one). Every archive stores these rows the same way.
    public func userRows(seenAt now: Date) -> [(row: UserRecord, partial: Bool)] {
        var rows: [(row: UserRecord, partial: Bool)] = []
        for user in users {
            guard case .user(let value) = user else { continue }
            rows.append((UserRecord(id: value.id, kind: "user", username: value.username, firstName: value.firstName,
                                    lastName: value.lastName, title: nil, bot: value.bot, lastSeen: now), value.min))
        }
        for chat in chats {
            switch chat {
            case .channel(let value):
                rows.append((UserRecord(id: MessageRecord.botAPIID(.peerChannel(.init(channelId: value.id))), kind: "channel",
                                        username: value.username, firstName: nil, lastName: nil, title: value.title, bot: false,
                                        lastSeen: now), value.min))
            case .chat(let value):
                rows.append((UserRecord(id: MessageRecord.botAPIID(.peerChat(.init(chatId: value.id))), kind: "chat",
                                        username: nil, firstName: nil, lastName: nil, title: value.title, bot: false,
                                        lastSeen: now), false))
            default:
                continue
            }
        }
        return rows
    }
}
