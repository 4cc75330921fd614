import GRDB

/// The lean layout of issue #17 (migration `v6-lean`): `messages` keeps scalar columns and `raw`; the JSON
/// columns that repeated `raw` (entities, fwd_from, media, action, reactions, and a version's entities and
/// media) go. Measured on a sandbox archive they held 1,260 bytes per message beside 406 of raw TL.
///
/// An empty archive gets the layout at once. One with messages gets the new scalar columns (`sender_id`,
/// `media_size`, `media_mime`) and a pending conversion: every command works on it meanwhile (nothing reads
/// the old columns, new rows leave them empty), and `ArchiveStore.convertToLean` fills and empties them in
/// batches, then drops them (`tgcron archive migrate`).
enum LeanLayout {
    /// The columns the lean layout drops, by table.
    static let droppedColumns: [(table: String, columns: [String])] = [
        ("messages", ["entities", "fwd_from", "media", "action", "reactions"]),
        ("message_versions", ["entities", "media"]),
    ]

    static func migrate(_ db: Database) throws {
        try db.alter(table: "messages") { t in
            t.add(column: "sender_id", .integer)
            t.add(column: "media_size", .integer)
            t.add(column: "media_mime", .text)
        }
        let hasRows = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM messages) OR EXISTS (SELECT 1 FROM message_versions)") ?? false
        guard hasRows else { return try dropOldColumns(db) }
        // Where the conversion has got to; the table goes when it is done.
        try db.create(table: "lean_conversion") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("next_rowid", .integer).notNull()
            t.column("next_version", .integer).notNull()
        }
        try db.execute(sql: "INSERT INTO lean_conversion (id, next_rowid, next_version) VALUES (1, 0, 0)")
    }

    /// Drops the columns the lean layout no longer has (each table rewritten once by SQLite).
    static func dropOldColumns(_ db: Database) throws {
        for (table, columns) in droppedColumns {
            for column in columns {
                try db.execute(sql: "ALTER TABLE \(table.quotedDatabaseIdentifier) DROP COLUMN \(column.quotedDatabaseIdentifier)")
            }
        }
    }
}
