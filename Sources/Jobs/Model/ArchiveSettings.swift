import ArchiveLocation

/// The `archive:` block of the settings.
public struct ArchiveSettings: Hashable, Sendable {
    /// The SQLite database file; a relative path is taken from the working directory.
    public var database: String
    /// A PostgreSQL archive (`archive.url`), or nil for the embedded SQLite one at `database`. Its password
    /// is never here: it comes from `TGCRON_PG_PASSWORD`, `PGPASSWORD` or `.pgpass` (`PostgresPassword`).
    public var url: PostgresLocation?

    /// The archive at `database`, by default `tgcron.sqlite` in the working directory, or on PostgreSQL at `url`.
    public init(database: String = "tgcron.sqlite", url: PostgresLocation? = nil) {
        self.database = database
        self.url = url
    }
}
