import Foundation

/// One entry of the change log: a message that was archived, edited or deleted, in commit order.
public struct ArchiveChange: Equatable, Sendable {
    /// The entry's position in the log; strictly increasing, so a sink's cursor is the last `seq` it handled.
    public var seq: Int64
    /// The channel of the message.
    public var channelId: Int64
    /// The message id.
    public var messageId: Int32
    /// What happened.
    public var kind: ChangeKind
    /// When the archive recorded it.
    public var at: Date
    /// The message's stored row as it is now, for `.new` and `.edited` (nil for `.deleted`).
    public var message: MessageRecord?

    /// A change entry.
    public init(seq: Int64, channelId: Int64, messageId: Int32, kind: ChangeKind, at: Date, message: MessageRecord?) {
        self.seq = seq
        self.channelId = channelId
        self.messageId = messageId
        self.kind = kind
        self.at = at
        self.message = message
    }
}
