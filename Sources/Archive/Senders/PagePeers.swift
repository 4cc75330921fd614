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
