/// One archived message as an export writer receives it.
public struct ExportedMessage: Sendable {
    /// The stored row.
    public var record: MessageRecord
    /// How many earlier contents `message_versions` holds for it.
    public var versionCount: Int
    /// The newest media ledger row of the message, if it carries a file.
    public var media: MediaEntry?
}
