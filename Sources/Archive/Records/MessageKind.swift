/// Which constructor of `Message` a row holds.
public enum MessageKind: String, Codable, Sendable {
    /// A regular message (`message`).
    case message
    /// A service message (`messageService`): an action such as a pin or a title change.
    case service
    /// `messageEmpty`: the server says the id holds no message (deleted); kept as a tombstone so gap checks
    /// know the id was seen.
    case empty
}
