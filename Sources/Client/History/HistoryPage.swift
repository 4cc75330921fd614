import TL

/// One page of history, in the reading direction, never repeating an id of an earlier page.
/// Service messages and `messageEmpty` entries are kept so the caller sees every id.
public struct HistoryPage: Sendable {
    /// The messages with their bytes as received, newest first or oldest first as requested.
    public var messages: [ReceivedMessage]
    /// The chats the page refers to.
    public var chats: [Api.Chat]
    /// The users the page refers to.
    public var users: [Api.User]
    /// How many messages the server's answer held, before the paging dropped repeats and out-of-bounds ids:
    /// fewer than the page size asked for means the server had no more in the reading direction.
    public var received: Int

    /// Creates a page.
    public init(messages: [ReceivedMessage], chats: [Api.Chat], users: [Api.User], received: Int) {
        self.messages = messages
        self.received = received
        self.chats = chats
        self.users = users
    }
}
