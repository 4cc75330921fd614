import TL

extension Api.Updates {
    /// The chats an updates answer carries (none for the short constructors, which name no chat).
    var chatList: [Api.Chat] {
        switch self {
        case .updates(let value): value.chats
        case .updatesCombined(let value): value.chats
        default: []
        }
    }
}
