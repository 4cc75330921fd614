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
        try db.execute(sql: """
            CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2')
            """)
        let hasRows = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM messages) OR EXISTS (SELECT 1 FROM message_versions)") ?? false
        guard hasRows else {
            try dropOldColumns(db)
            return try createSearchTriggers(db, indexedWhen: nil)
        }
        // Where the conversion has got to; the table goes when it is done. Rows from `fts_from` on were
        // written after the migration and are indexed by the triggers; older ones by the conversion.
        try db.create(table: "lean_conversion") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("next_rowid", .integer).notNull()
            t.column("next_version", .integer).notNull()
            t.column("fts_from", .integer).notNull()
        }
        try db.execute(sql: """
            INSERT INTO lean_conversion (id, next_rowid, next_version, fts_from)
            VALUES (1, 0, 0, (SELECT COALESCE(MAX(rowid), 0) + 1 FROM messages))
            """)
        try createSearchTriggers(db, indexedWhen: """
            (ROW.rowid >= (SELECT fts_from FROM lean_conversion) OR ROW.rowid < (SELECT next_rowid FROM lean_conversion))
            """)
    }

    /// Keeps `messages_fts` (an external-content index: the text is stored once, in `messages`) in step
    /// with `messages` inside the same transaction as every write: new rows, changed text (edits), rows
    /// removed. Deletion marks keep a message searchable (the archive keeps it). `indexedWhen` limits the
    /// triggers to rows the index holds (`ROW` standing for the row) while a conversion is pending.
    static func createSearchTriggers(_ db: Database, indexedWhen condition: String?) throws {
        func when(_ row: String, _ text: String) -> String {
            ([text] + (condition.map { [$0.replacingOccurrences(of: "ROW.", with: "\(row).")] } ?? [])).joined(separator: " AND ")
        }
        // Every row is in the index, those without text too (as FTS5's own `rebuild` and `integrity-check` expect).
        let add = "INSERT INTO messages_fts (rowid, text) VALUES (new.rowid, new.text);"
        let remove = "INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);"
        // One trigger per event, the removal first (SQLite runs a table's triggers newest first, so two
        // triggers on one update would add the new text before removing the old).
        try db.execute(sql: """
            CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN \(when("new", "1"))
            BEGIN \(add) END;
            CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN \(when("old", "1"))
            BEGIN \(remove) END;
            CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages WHEN \(when("new", "old.text IS NOT new.text"))
            BEGIN \(remove) \(add) END;
            """)
    }

    /// Drops the search triggers (to replace the conditional ones when a conversion ends).
    static func dropSearchTriggers(_ db: Database) throws {
        for name in ["insert", "delete", "update"] {
            try db.execute(sql: "DROP TRIGGER IF EXISTS messages_fts_\(name)")
        }
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
