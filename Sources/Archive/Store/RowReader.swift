import Foundation
import GRDB
import GRDBSQLite

/// Reads the current row of a stepped statement column after column, straight from `sqlite3_column_*`.
///
/// The export's per-row path (`RowBinder` is the commit's). Reading a `messages` row through GRDB's generic
/// `Row` decoding looked up type metadata for every column of every row: a third of a 200,000-message
/// JSONL export's CPU (perf).
struct RowReader: ColumnSource {
    private let statement: SQLiteStatement
    private var index: Int32 = 0
    private var lastDate: (text: [UInt8], date: Date)?

    /// A reader of `statement`'s current row, from its first column.
    init(_ statement: SQLiteStatement) {
        self.statement = statement
    }

    /// Starts again at the first column, for the statement's next row.
    mutating func rewind() {
        index = 0
    }

    private mutating func next() -> (Int32, Bool) {
        defer { index += 1 }
        return (index, sqlite3_column_type(statement, index) == SQLITE_NULL)
    }

    mutating func int64() -> Int64? {
        let (column, null) = next()
        return null ? nil : sqlite3_column_int64(statement, column)
    }

    /// An integer column that must fit 32 bits; nil if NULL, an error if it does not fit.
    mutating func int32() throws -> Int32? {
        let column = index
        guard let value = int64() else { return nil }
        guard let narrow = Int32(exactly: value) else {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "column \(column) holds \(value), not a 32-bit integer")
        }
        return narrow
    }

    mutating func string() -> String? {
        let (column, null) = next()
        guard !null, let text = sqlite3_column_text(statement, column) else { return null ? nil : "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    mutating func data() -> Data? {
        let (column, null) = next()
        if null { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        guard let blob = sqlite3_column_blob(statement, column), count > 0 else { return Data() }
        return Data(bytes: blob, count: count)
    }

    /// A date as GRDB stores and reads it; a page's rows share their dates, so the last one is kept.
    mutating func date() throws -> Date? {
        let (column, null) = next()
        if null { return nil }
        if sqlite3_column_type(statement, column) == SQLITE_TEXT, let text = sqlite3_column_text(statement, column) {
            let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
            if let lastDate, lastDate.text.elementsEqual(bytes) { return lastDate.date }
            let date = try decodeDate(column)
            lastDate = (Array(bytes), date)
            return date
        }
        return try decodeDate(column)
    }

    private func decodeDate(_ column: Int32) throws -> Date {
        guard let date = Date.fromDatabaseValue(DatabaseValue(sqliteStatement: statement, index: column)) else {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "column \(column) is not a date")
        }
        return date
    }
}
