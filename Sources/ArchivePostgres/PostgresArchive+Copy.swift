import Archive
import Foundation
import PostgresNIO

/// What `copy(from:)` did: rows copied per table in this call, and whether every table is copied.
public struct ArchiveCopyReport: Sendable {
    /// Rows copied by this call, per table, in copy order (tables with none left out).
    public var copied: [(table: String, rows: Int)] = []
    /// Columns of the SQLite archive that the PostgreSQL schema does not have (not copied), per table.
    public var droppedColumns: [(table: String, columns: [String])] = []
    /// True once every table is copied to its last row; false if the copy stopped early (run it again).
    public var finished = false
}

/// `tgcron archive copy`: an embedded SQLite archive into this PostgreSQL archive, resumable.
///
/// Tables are copied in an order that satisfies the foreign keys, in batches in SQLite's `rowid` order. Each
/// batch and the copy's position (`tgcron_copy`: source, table, last rowid) commit in one transaction, so a
/// copy killed at any moment resumes after its last committed batch with nothing lost or doubled. Row ids
/// (`runs.id`, `changes.seq`, …) are copied as they are and the sequences set past them afterwards.
extension PostgresArchive {
    /// Tables in copy order (a table after those its foreign keys name).
    static let copyOrder = [
        "channels", "messages", "message_versions", "checkpoints", "runs", "audit_log", "sessions", "auth_keys",
        "retired_auth_keys", "peers", "governor_state", "changes", "sink_cursors", "watch_state", "media", "media_days",
        "users", "invite_links", "forum_topics",
    ]
    /// The serial column of each table that has one.
    private static let serialColumns = [
        "message_versions": "id", "runs": "id", "audit_log": "id", "retired_auth_keys": "id", "changes": "seq", "media": "id",
    ]

    /// Copies the SQLite archive `source` (named `sourceName` for resuming) into this archive, `batchSize`
    /// rows per transaction; `shouldStop` is asked between batches (a signal arrived). Refuses a target that
    /// holds messages and no copy of `sourceName` in progress.
    public func copy(from source: ArchiveStore, sourceName: String, batchSize: Int = 500,
                     shouldStop: () -> Bool = { false }) throws(ArchiveError) -> ArchiveCopyReport {
        try transaction { session in
            try session.execute("""
                CREATE TABLE IF NOT EXISTS tgcron_copy (source text NOT NULL, table_name text NOT NULL,
                    last_rowid bigint NOT NULL, PRIMARY KEY (source, table_name))
                """)
            let resuming = try session.scalar("SELECT EXISTS (SELECT 1 FROM tgcron_copy WHERE source = \(sourceName))",
                                              as: Bool.self) ?? false
            let holdsMessages = try session.scalar("SELECT EXISTS (SELECT 1 FROM messages)", as: Bool.self) ?? false
            if holdsMessages && !resuming {
                throw ArchiveError.database(path: location.description, reason: """
                    the archive already holds messages that were not copied from \(sourceName); copy into an empty one
                    """)
            }
        }
        var report = ArchiveCopyReport()
        for table in Self.copyOrder {
            let targetColumns = try columnTypes(of: table)
            var rowid = try transaction { session in
                try session.scalar("SELECT last_rowid FROM tgcron_copy WHERE source = \(sourceName) AND table_name = \(table)",
                                   as: Int64.self) ?? Int64.min  // rowids can be negative (`users.id` of chats)
            }
            var copied = 0
            var droppedNoted = false
            while true {
                if shouldStop() { return report.adding(table, copied) }
                guard let batch = try source.storedRows(of: table, afterRowID: rowid, limit: max(batchSize, 1)),
                      let last = batch.rows.last?.rowid else { break }
                if !droppedNoted {
                    let dropped = batch.columns.filter { targetColumns[$0] == nil }
                    if !dropped.isEmpty { report.droppedColumns.append((table, dropped)) }
                    droppedNoted = true
                }
                try transaction { session in
                    try session.execute(Self.insertQuery(table: table, batch: batch, types: targetColumns))
                    try session.execute("""
                        INSERT INTO tgcron_copy (source, table_name, last_rowid) VALUES (\(sourceName), \(table), \(last))
                        ON CONFLICT (source, table_name) DO UPDATE SET last_rowid = excluded.last_rowid
                        """)
                }
                copied += batch.rows.count
                rowid = last
            }
            report = report.adding(table, copied)
            if let serial = Self.serialColumns[table] {
                try transaction { session in
                    try session.execute(PostgresQuery(unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(table)', '\(serial)'), max(\(serial))) FROM \(table)
                        HAVING max(\(serial)) IS NOT NULL
                        """))
                }
            }
        }
        report.finished = true
        return report
    }

    /// The PostgreSQL type of each stored (not generated) column of `table` in the archive's schema.
    private func columnTypes(of table: String) throws(ArchiveError) -> [String: String] {
        try transaction { session in
            let rows = try session.query("""
                SELECT column_name::text, data_type::text FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(table) AND is_generated = 'NEVER'
                """)
            var types: [String: String] = [:]
            for row in rows {
                let (name, type) = try row.decode((String, String).self)
                types[name] = type
            }
            return types
        }
    }

    /// One INSERT of every row of `batch` (the columns PostgreSQL has), each value cast to its column's type;
    /// rows already there are skipped.
    private static func insertQuery(table: String, batch: StoredRows, types: [String: String]) throws -> PostgresQuery {
        let kept = batch.columns.indices.filter { types[batch.columns[$0]] != nil }
        var bindings = PostgresBindings(capacity: kept.count * batch.rows.count)
        var tuples: [String] = []
        for row in batch.rows {
            var placeholders: [String] = []
            for index in kept {
                switch row.values[index] {
                case .null: bindings.appendNull()
                case .integer(let value): bindings.append(value)
                case .real(let value): bindings.append(value)
                case .text(let value): bindings.append(value)
                case .blob(let value): try bindings.append(value)
                }
                let placeholder = "$\(bindings.count)"
                let type = types[batch.columns[index]] ?? "text"
                placeholders.append(type == "boolean" ? "(\(placeholder)::bigint <> 0)" : "CAST(\(placeholder) AS \(type))")
            }
            tuples.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        let columns = kept.map { "\"\(batch.columns[$0])\"" }.joined(separator: ", ")
        return PostgresQuery(unsafeSQL: "INSERT INTO \(table) (\(columns)) VALUES \(tuples.joined(separator: ", ")) ON CONFLICT DO NOTHING",
                             binds: bindings)
    }
}

extension ArchiveCopyReport {
    fileprivate func adding(_ table: String, _ rows: Int) -> ArchiveCopyReport {
        var report = self
        if rows > 0 { report.copied.append((table, rows)) }
        return report
    }
}
