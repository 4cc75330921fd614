import Foundation

/// An account's row of `governor_state`: its rate governor's state as an opaque blob with a version.
public struct GovernorStateRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "governor_state"

    /// The account's name (`default` for the default account).
    public var account: String
    /// Incremented by every saved change.
    public var version: Int64
    /// The governor's encoded state (the Governor module defines it).
    public var state: Data
    /// When the state was last saved.
    public var updatedAt: Date
}
