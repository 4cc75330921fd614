import Foundation

/// A row of `retired_auth_keys`: an auth key taken out of use after the server rejected it (-404) on
/// repeated connections, kept so the judgement can be undone.
public struct RetiredAuthKeyRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "retired_auth_keys"

    /// The row id.
    public var id: Int64?
    /// The session the key belonged to.
    public var session: String
    /// The DC the key was made with.
    public var dcId: Int32
    /// The key as it was stored (encrypted when a passphrase was set).
    public var authKey: Data
    /// The client's serialized server salts.
    public var salts: Data?
    /// When it was retired.
    public var retiredAt: Date
}
