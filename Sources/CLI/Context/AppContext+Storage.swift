import Archive
import ArchiveLocation
import ArchivePostgres

extension AppContext {
    /// Opens the archive the commands that harvest use: PostgreSQL at `archive.url` when the settings give
    /// one (its password from `TGCRON_PG_PASSWORD`, `PGPASSWORD` or `.pgpass`), else the SQLite archive.
    func openStorage() throws -> any ArchiveStorage {
        guard let location = settings.archive.url else { return try openArchive() }
        do {
            return try PostgresArchive(location: location,
                                       password: PostgresPassword.resolve(for: location, environment: environment))
        } catch {
            throw CLIFailure(error.description)
        }
    }
}
