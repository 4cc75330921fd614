import Foundation
import GRDB

/// A stored value as SQLite holds it, for copying rows to another database.
public enum StoredValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

/// A batch of one table's rows in SQLite's `rowid` order, for `tgcron archive copy`.
public struct StoredRows: Sendable {
    /// The table's columns, in the order of each row's values.
    public var columns: [String]
    /// The rows: their `rowid` (the copy's resume point) and values.
    public var rows: [(rowid: Int64, values: [StoredValue])]
}

extension ArchiveStore {
    /// Up to `limit` rows of `table` whose `rowid` is above `rowid`, in `rowid` order; nil if the archive has
    /// no such table (an older schema). Reads one consistent snapshot.
    public func storedRows(of table: String, afterRowID rowid: Int64, limit: Int) throws(ArchiveError) -> StoredRows? {
        try read { db -> StoredRows? in
            guard try db.tableExists(table) else { return nil }
            let columns = try db.columns(in: table).map(\.name)
            let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: """
                SELECT rowid, \(list) FROM \(table.quotedDatabaseIdentifier) WHERE rowid > ? ORDER BY rowid LIMIT ?
                """, arguments: [rowid, limit])
            return StoredRows(columns: columns, rows: rows.map { row in
                let values = columns.indices.map { index -> StoredValue in
                    switch (row[index + 1] as DatabaseValue).storage {
                    case .null: .null
                    case .int64(let value): .integer(value)
                    case .double(let value): .real(value)
                    case .string(let value): .text(value)
                    case .blob(let value): .blob(value)
                    }
                }
                return (row[0], values)
            })
        }
    }
}
