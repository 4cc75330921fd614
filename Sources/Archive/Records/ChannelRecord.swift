import Foundation

/// A row of `channels`: a channel the archive holds messages of.
public struct ChannelRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "channels"

    /// The channel id.
    public var id: Int64
    /// The access hash last seen.
    public var accessHash: Int64?
    /// The username last seen.
    public var username: String?
    /// The title last seen.
    public var title: String
    /// When the channel was first archived.
    public var firstSeen: Date
    /// When a page of the channel was last committed.
    public var lastSeen: Date
}
