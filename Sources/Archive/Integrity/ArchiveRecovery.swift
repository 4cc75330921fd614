import Foundation
import GRDB
import TL

/// Copies every row SQLite can still read from a damaged archive into a new archive.
///
/// Each table is read in rowid order in chunks. When a chunk hits a damaged page, the reader gallops
/// forward (1, 2, 4, … rowids) until a read succeeds again, then looks up each rowid it jumped over one by
/// one, so only the rows on unreadable pages are lost. Rows land in the new archive with the same values;
/// foreign keys are not enforced while copying, so a message whose channel row was lost is still kept.
///
/// Damage inside a row can leave the b-tree sound (SQLite's `quick_check` does not compare a table with its
/// indexes) and give the row another message's key. A message row whose `raw` does not decode to a message with
/// its own id is copied last, only if no sound row has its key, so it never takes the place of the real one.
/// The search index is rebuilt from the copied messages at the end.
public enum ArchiveRecovery {
    /// What a recovery copied.
    public struct Report: Sendable, Equatable {
        /// Rows copied, by table.
        public var rows: [String: Int] = [:]
        /// Tables that could not be read at all (their root page or the schema is damaged).
        public var unreadableTables: [String] = []
        /// How many stretches of rowids were skipped because no read reached them.
        public var skippedStretches = 0

        /// All rows copied.
        public var totalRows: Int { rows.values.reduce(0, +) }
    }

    /// The most rowids looked up one by one after a gallop; a longer jump is skipped whole.
    static let maximumPointLookups: Int64 = 1 << 16
    private static let chunk = 512

    /// Copies `source` into a new archive at `destination` (which must not exist yet, created mode 0600).
    public static func recover(from source: String, to destination: String) throws(ArchiveError) -> Report {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw .openFailed(path: destination, reason: "the file exists; recover into a new file")
        }
        guard FileManager.default.fileExists(atPath: source) else {
            throw .openFailed(path: source, reason: "no such file")
        }
        _ = try ArchiveStore(path: destination)
        do {
            var readConfiguration = Configuration()
            readConfiguration.readonly = true
            let damaged = try DatabaseQueue(path: source, configuration: readConfiguration)
            var writeConfiguration = Configuration()
            writeConfiguration.foreignKeysEnabled = false
            let target = try DatabaseQueue(path: destination, configuration: writeConfiguration)
            let tables = try target.read { db in
                try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                    AND name != 'grdb_migrations' AND name NOT LIKE 'messages_fts%' ORDER BY name
                    """)
            }
            var report = Report()
            for table in tables {
                // A source in an older layout gives the columns it has (the lean layout's new ones stay empty).
                var columns = try target.read { db in try db.columns(in: table).map(\.name) }
                if let present = try? damaged.read({ db in try Set(db.columns(in: table).map(\.name)) }) {
                    columns = columns.filter(present.contains)
                }
                try target.inTransaction { db in
                    try copy(table, columns: columns, from: damaged, into: db, report: &report)
                    return .commit
                }
            }
            // Since `v12-lean-writes` no trigger indexes an inserted message: the page commit does.
            try target.write { db in try db.execute(sql: "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')") }
            return report
        } catch {
            throw ArchiveError.classify(error, path: source)
        }
    }

    /// Copies one table's readable rows.
    private static func copy(
        _ table: String, columns: [String], from damaged: DatabaseQueue, into db: Database, report: inout Report
    ) throws {
        let quoted = columns.map { $0.quotedDatabaseIdentifier }.joined(separator: ", ")
        let select = "SELECT rowid, \(quoted) FROM \(table.quotedDatabaseIdentifier)"
        let insert = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO \(table.quotedDatabaseIdentifier) (\(quoted)) \
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            """)
        // A damaged page can yield rows out of order; they count as unreadable, so the cursor only moves forward.
        func rows(after rowid: Int64, limit: Int) throws -> [Row] {
            let rows = try damaged.read {
                try Row.fetchAll($0, sql: "\(select) WHERE rowid > ? ORDER BY rowid LIMIT ?", arguments: [rowid, limit])
            }
            var previous = rowid
            for row in rows {
                let current: Int64 = row[0]
                guard current > previous else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "rowids out of order") }
                previous = current
            }
            return rows
        }
        let check = table == "messages" ? MessageRowCheck(columns: columns) : nil
        var suspects: [Row] = []
        var copied = 0
        func store(_ row: Row) throws {
            if let check, check.isDamaged(row) {
                suspects.append(row)
                return
            }
            try insert.execute(arguments: StatementArguments(Array(row.databaseValues.dropFirst())))
            copied += 1
        }
        try copyReadable(table, select: select, rows: rows, damaged: damaged, report: &report, store: store)
        // After every sound row: a suspect row is kept only where its key is still free.
        for row in suspects {
            try insert.execute(arguments: StatementArguments(Array(row.databaseValues.dropFirst())))
            if db.changesCount > 0 { copied += 1 }
        }
        if copied > 0 { report.rows[table, default: 0] += copied }
    }

    /// Reads `table`'s rows in rowid order past damaged pages, handing each to `store`.
    private static func copyReadable(
        _ table: String, select: String, rows: (Int64, Int) throws -> [Row], damaged: DatabaseQueue,
        report: inout Report, store: (Row) throws -> Void
    ) throws {
        guard (try? damaged.read({ try $0.tableExists(table) })) == true else {
            report.unreadableTables.append(table)
            return
        }
        report.rows[table] = report.rows[table] ?? 0
        var cursor = Int64.min
        while true {
            if let page = try? rows(cursor, chunk) {
                guard let last = page.last else { return }
                for row in page { try store(row) }
                cursor = last[0]
                continue
            }
            var jump: Int64 = 1
            while true {
                let (probe, overflow) = cursor.addingReportingOverflow(jump)
                if overflow { return }
                if let found = try? rows(probe, 1) {
                    if jump <= maximumPointLookups {
                        for rowid in (cursor + 1)...probe {
                            let found = try? damaged.read {
                                try Row.fetchOne($0, sql: "\(select) WHERE rowid = ?", arguments: [rowid])
                            }
                            if let row = found ?? nil, row[0] == rowid { try store(row) }
                        }
                    } else {
                        report.skippedStretches += 1
                    }
                    guard let next = found.first else { return }
                    try store(next)
                    cursor = next[0]
                    break
                }
                let (doubled, tooFar) = jump.multipliedReportingOverflow(by: 2)
                if tooFar { return }
                jump = doubled
            }
        }
    }
}
