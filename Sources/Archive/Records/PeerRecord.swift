import Foundation

/// A row of `peers`: a resolved username, cached so runs do not call `contacts.resolveUsername` again.
public struct PeerRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "peers"

    /// The username without `@` (matched case-insensitively).
    public var username: String
    /// The peer's id.
    public var peerId: Int64
    /// The access hash.
    public var accessHash: Int64?
    /// The title or name.
    public var title: String?
    /// When the username was resolved.
    public var resolvedAt: Date

    /// A cached peer.
    public init(username: String, peerId: Int64, accessHash: Int64? = nil, title: String? = nil, resolvedAt: Date) {
        self.username = username
        self.peerId = peerId
        self.accessHash = accessHash
        self.title = title
        self.resolvedAt = resolvedAt
    }
}
