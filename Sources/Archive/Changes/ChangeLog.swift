import Foundation
import GRDB

/// A transaction's entries for `changes`, collected in order and appended by one statement before it commits,
/// so a change is logged exactly when the message row it describes is committed.
///
/// One `INSERT … SELECT` from `json_each` per page instead of a statement per message, each of which read and
/// rewrote the table's `sqlite_sequence` row (AUTOINCREMENT). Write it before the page's search index changes
/// (`SearchIndexBatch`): reading a virtual table opens a savepoint, where FTS5 flushes its pending terms.
struct ChangeLog {
    private var entries: [Int64] = []
    private let channel: Int64

    /// An empty batch for messages of `channel`.
    init(channel: Int64) {
        self.channel = channel
    }

    /// Logs `kind` for message `message`, after the entries appended before it.
    mutating func append(_ kind: ChangeKind, message: Int32) {
        entries.append(Int64(message) << 2 | Self.code(kind))
    }

    /// Appends the entries to `changes`, in order, stamped `at`.
    func write(at: DatabaseDateText, in db: Database) throws {
        guard !entries.isEmpty else { return }
        // Each entry is `id << 2 | kind`; `json_each` yields an array's elements in order (`key` is the index).
        let statement = try db.cachedStatement(sql: """
            INSERT INTO changes (channel_id, message_id, kind, at)
            SELECT ?1, value >> 2, CASE value & 3 WHEN \(Self.code(.new)) THEN 'new' WHEN \(Self.code(.edited)) THEN 'edited'
                ELSE 'deleted' END, ?2
            FROM json_each(?3) ORDER BY key
            """)
        var list = "["
        list.reserveCapacity(entries.count * 12 + 2)
        for (index, entry) in entries.enumerated() {
            if index > 0 { list += "," }
            list += String(entry)
        }
        list += "]"
        var row = RowBinder(statement, in: db)
        row.bind(channel)
        row.bind(at.text)
        row.bind(list)
        _ = try row.run()
    }

    private static func code(_ kind: ChangeKind) -> Int64 {
        switch kind {
        case .new: 0
        case .edited: 1
        case .deleted: 2
        }
    }
}
