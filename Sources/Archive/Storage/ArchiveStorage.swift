/// An archive with every storage concern: what the harvester, the scheduler and the client's state use.
/// `ArchiveStore` (SQLite) and `PostgresArchive` (PostgreSQL) are the two.
public protocol ArchiveStorage: MessageStorage, RunStorage, ClientStateStorage, ChangeFeedStorage, MediaLedgerStorage,
    LeaseStorage {
    /// Where the archive is, as its errors name it (a file path, or a URL without a password).
    var path: String { get }
    /// Why the archive was found damaged in this process, or nil; a damaged archive refuses every write.
    var damage: String? { get }
}
