import Foundation

/// A row of `auth_keys`: a session's permanent auth key on one DC, with its server salts.
public struct AuthKeyRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "auth_keys"

    /// The session the key belongs to.
    public var session: String
    /// The DC the key was made with.
    public var dcId: Int32
    /// The 256-byte auth key.
    public var authKey: Data
    /// The client's serialized server salts (opaque to the archive).
    public var salts: Data?
    /// When the row last changed.
    public var updatedAt: Date

    /// An auth key row.
    public init(session: String, dcId: Int32, authKey: Data, salts: Data? = nil, updatedAt: Date) {
        self.session = session
        self.dcId = dcId
        self.authKey = authKey
        self.salts = salts
        self.updatedAt = updatedAt
    }
}
