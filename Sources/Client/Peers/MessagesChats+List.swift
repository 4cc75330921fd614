import TL

extension Api.Messages.Chats {
    /// The chats, whatever the constructor.
    var chatList: [Api.Chat] {
        switch self {
        case .chats(let value): value.chats
        case .chatsSlice(let value): value.chats
        }
    }
}
