import GRDB

/// A page's changes to the search index (`messages_fts`), written after the page's message rows.
///
/// Since `v12-lean-writes` the page commit keeps the index itself instead of triggers on `messages`. SQLite
/// opens a statement savepoint for a statement with triggers (or foreign keys), and FTS5 writes its pending
/// terms out as a new segment at every savepoint once it has been written in the transaction: with the index
/// kept by a trigger that was one tiny segment per message, and the merging of those segments was 30 of the
/// 62 µs a message cost (`bench/results/lean.md`). Written last, from single-row statements, the page's terms
/// go out as one segment at commit. The delete trigger stays: deletions of rows are rare and not on this path.
struct SearchIndexBatch {
    private enum Change {
        case add(rowid: Int64, text: String?)
        case remove(rowid: Int64, text: String?)
    }

    private var changes: [Change] = []

    /// The batch for a page committed in `db`, or nil while the index is kept by the triggers of a pending
    /// lean conversion (`LeanLayout`; they index only the rows outside its unconverted range). Asked for every
    /// page: the conversion can end in another process between two pages.
    static func forPage(in db: Database) throws -> SearchIndexBatch? {
        let triggers = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'messages_fts_insert')
            """)) ?? false
        return triggers ? nil : SearchIndexBatch()
    }

    /// Indexes a new row. Every row is in the index, those without text too (as FTS5's `rebuild` and
    /// `integrity-check` expect).
    mutating func add(rowid: Int64, text: String?) {
        changes.append(.add(rowid: rowid, text: text))
    }

    /// Replaces the indexed text of a row whose text changed; `old` must be the text the index holds.
    mutating func replace(rowid: Int64, old: String?, new: String?) {
        changes.append(.remove(rowid: rowid, text: old))
        changes.append(.add(rowid: rowid, text: new))
    }

    /// Writes the changes in order, inside the page's transaction.
    func write(in db: Database) throws {
        guard !changes.isEmpty else { return }
        let add = try db.cachedStatement(sql: "INSERT INTO messages_fts (rowid, text) VALUES (?, ?)")
        let remove = try db.cachedStatement(sql: "INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', ?, ?)")
        for change in changes {
            switch change {
            case .add(let rowid, let text):
                var row = RowBinder(add, in: db)
                row.bind(rowid)
                row.bind(text)
                _ = try row.run()
            case .remove(let rowid, let text):
                var row = RowBinder(remove, in: db)
                row.bind(rowid)
                row.bind(text)
                _ = try row.run()
            }
        }
    }
}
