/// The `archive:` block of the settings.
public struct ArchiveSettings: Hashable, Sendable {
    /// The SQLite database file; a relative path is taken from the working directory.
    public var database: String

    /// The archive at `database`, by default `tgcron.sqlite` in the working directory.
    public init(database: String = "tgcron.sqlite") {
        self.database = database
    }
}
