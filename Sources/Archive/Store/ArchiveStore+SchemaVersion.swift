import GRDB

extension ArchiveStore {
    /// The schema migrations this archive has applied (those this build knows first, in order, then any it
    /// does not) and the ones this build knows, for `tgcron doctor`: an archive behind is migrated by the
    /// next command that writes it; one with unknown migrations was written by a newer tgcron.
    public func schemaMigrations() throws(ArchiveError) -> (applied: [String], known: [String]) {
        let migrator = ArchiveSchema.migrator
        let identifiers = try read { db in try migrator.appliedIdentifiers(db) }
        let known = migrator.migrations
        return (known.filter(identifiers.contains) + identifiers.subtracting(known).sorted(), known)
    }
}
