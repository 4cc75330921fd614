import GRDB

/// Migration `v9-lean-text` (issue #17): declares the search index with an FTS5 prefix index on three-character
/// prefixes, so a prefix query (`sci*`) reads one list instead of merging the lists of every word that starts
/// with it. Measured on 1M messages in `bench/results/search-prefix.md`; `v14-search-without-prefix`
/// (`SearchWithoutPrefix`) takes it back.
enum SearchPrefixIndex {
    /// The index's declaration (`LeanLayout` declared it first, without prefixes).
    static let declaration = """
        CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2', prefix='3')
        """

    static func migrate(_ db: Database) throws {
        try SearchIndexDeclaration.redeclare(db, as: declaration)
    }
}
