import GRDB

/// Migration `v14-search-without-prefix` (issue #17): the search index without the FTS5 prefix index of
/// `v9-lean-text`, declared as `v6-lean` first declared it.
///
/// Measured on 1,000,000 messages whose index was written 100 rows per transaction, as backfills write it
/// (`bench/results/lean.md`, session 9): the prefix index answered only prefixes of exactly three characters
/// (`sci*` 0.2 ms; `scie*`, `sc*` and `gard*` took 15 ms with it as without it); without it `sci*` takes 16 ms,
/// within the 50 ms target, and every other query is unchanged. It cost 49 bytes per message on disk (the index
/// 102 → 53) and about 5 µs of CPU per message archived. Session 6 measured 249–309 ms for `sci*` without it,
/// on a machine at load average 12–16: the same query takes 40 ms here under a load of 4.
enum SearchWithoutPrefix {
    /// The index's declaration.
    static let declaration = """
        CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2')
        """

    static func migrate(_ db: Database) throws {
        try SearchIndexDeclaration.redeclare(db, as: declaration)
    }
}
