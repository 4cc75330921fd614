import Foundation

/// A row of `sessions`: the client's login state for one account, apart from per-DC keys.
public struct SessionRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "sessions"

    /// The session's name (one per account, e.g. `default`).
    public var name: String
    /// The account's home DC.
    public var homeDc: Int32
    /// The logged-in user's id (nil before login).
    public var userId: Int64?
    /// The client's serialized DC options (opaque to the archive).
    public var dcOptions: Data?
    /// The takeout session id, when archiving through a takeout.
    public var takeoutId: Int64?
    /// When the row last changed.
    public var updatedAt: Date

    /// A session row.
    public init(name: String, homeDc: Int32, userId: Int64? = nil, dcOptions: Data? = nil, takeoutId: Int64? = nil,
                updatedAt: Date) {
        self.name = name
        self.homeDc = homeDc
        self.userId = userId
        self.dcOptions = dcOptions
        self.takeoutId = takeoutId
        self.updatedAt = updatedAt
    }
}
