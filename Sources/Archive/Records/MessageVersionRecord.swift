import Foundation

/// A row of `message_versions`: a message's content before an edit replaced it (its nested parts are in
/// `raw`, rendered when needed, as for `MessageRecord`).
public struct MessageVersionRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "message_versions"

    /// Row id (increasing: versions sort in the order they were replaced).
    public var id: Int64?
    /// The message's channel.
    public var channelId: Int64
    /// The message id.
    public var messageId: Int32
    /// When the archive saw the newer content.
    public var replacedAt: Date
    /// The edit date of this (older) content.
    public var editDate: Int64?
    /// The older text.
    public var text: String?
    /// The older media kind.
    public var mediaKind: String?
    /// The older message's raw TL bytes.
    public var raw: Data
    /// The layer of `raw`.
    public var layer: Int32
}
