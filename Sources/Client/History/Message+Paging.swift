import TL

extension Api.Message {
    /// The message id, whatever the constructor.
    public var messageID: Int {
        switch self {
        case .message(let value): Int(value.id)
        case .messageService(let value): Int(value.id)
        case .messageEmpty(let value): Int(value.id)
        }
    }

    /// The channel the message belongs to, nil if it is not a channel's (or an empty message names none).
    public var channelID: Int64? {
        let peer: Api.Peer?
        switch self {
        case .message(let value): peer = value.peerId
        case .messageService(let value): peer = value.peerId
        case .messageEmpty(let value): peer = value.peerId
        }
        guard case .peerChannel(let channel)? = peer else { return nil }
        return channel.channelId
    }

    /// The unix date, nil for `messageEmpty`.
    public var unixDate: Int? {
        switch self {
        case .message(let value): Int(value.date)
        case .messageService(let value): Int(value.date)
        case .messageEmpty: nil
        }
    }
}

extension Api.Messages.Messages {
    /// The messages of the answer, whatever the constructor (empty for `messagesNotModified`).
    public var messageList: [Api.Message] {
        switch self {
        case .messages(let value): value.messages
        case .messagesSlice(let value): value.messages
        case .channelMessages(let value): value.messages
        case .messagesNotModified: []
        }
    }

    /// The chats the answer refers to.
    public var chatList: [Api.Chat] {
        switch self {
        case .messages(let value): value.chats
        case .messagesSlice(let value): value.chats
        case .channelMessages(let value): value.chats
        case .messagesNotModified: []
        }
    }

    /// The users the answer refers to.
    public var userList: [Api.User] {
        switch self {
        case .messages(let value): value.users
        case .messagesSlice(let value): value.users
        case .channelMessages(let value): value.users
        case .messagesNotModified: []
        }
    }
}
