import GRDB

/// Declares the search index (`messages_fts`) anew with other FTS5 options, which FTS5 cannot change in place:
/// the index is dropped, declared again and refilled with the rows the old one held (every row, or while a
/// lean conversion is pending, the rows outside its unconverted range, as `LeanLayout.createSearchTriggers`
/// keeps them). The triggers name the table, not its options, and keep working. Memory stays bounded (FTS5
/// writes its terms out as segments while it refills); a failure, a full disk included, rolls the migration
/// back with the old index in place.
enum SearchIndexDeclaration {
    static func redeclare(_ db: Database, as declaration: String) throws {
        try db.execute(sql: "DROP TABLE messages_fts")
        try db.execute(sql: declaration)
        if try db.tableExists("lean_conversion") {
            try db.execute(sql: """
                INSERT INTO messages_fts (rowid, text) SELECT rowid, text FROM messages
                WHERE rowid >= (SELECT fts_from FROM lean_conversion) OR rowid < (SELECT next_rowid FROM lean_conversion)
                """)
        } else {
            try db.execute(sql: "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')")
        }
    }
}
