import GRDB

/// Migration `v9-lean-text` (issue #17): declares the search index with an FTS5 prefix index on three-character
/// prefixes, so a prefix query (`sci*`) reads one list instead of merging the lists of every word that starts
/// with it. Measured on 1M messages in `bench/results/search-prefix.md`.
///
/// FTS5 cannot change a table's options in place: the index is dropped, declared again and refilled with the
/// rows the old one held (every row, or while a lean conversion is pending, the rows outside its unconverted
/// range, as `LeanLayout.createSearchTriggers` keeps them). The triggers name the table, not its options, and
/// keep working.
enum SearchPrefixIndex {
    /// The index's declaration (`LeanLayout` declared it first, without prefixes).
    static let declaration = """
        CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2', prefix='3')
        """

    static func migrate(_ db: Database) throws {
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
