import GRDB

extension ArchiveStore {
    /// SQLite's `integrity_check`: an empty list when the archive is sound, otherwise SQLite's descriptions
    /// of the damage (at most `limit`). Reads every page, so it takes as long as reading the whole file.
    public func integrityProblems(limit: Int = 100) throws(ArchiveError) -> [String] {
        let rows = try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(\(max(1, limit)))") }
        return rows == ["ok"] ? [] : rows
    }
}
