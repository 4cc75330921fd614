import Foundation
import GRDB
import GRDBSQLite

/// Binds values by position straight to a cached statement's `sqlite3_stmt`, then runs it.
///
/// This is the page commit's per-row path. GRDB's `StatementArguments` boxes every value and formats every
/// `Date` with a `DateFormatter`; for a message row that was a fifth of the commit's CPU (perf, 20,000
/// messages). Columns are bound in the order of the statement's `?NNN` parameters, starting at 1.
struct RowBinder {
    private let statement: Statement
    private let database: Database
    private var position: Int32 = 0

    /// Starts binding `statement` (a statement of `database`) from its first parameter.
    init(_ statement: Statement, in database: Database) {
        self.statement = statement
        self.database = database
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    private mutating func next() -> Int32 {
        position += 1
        return position
    }

    mutating func bind(_ value: Int64?) {
        let index = next()
        if let value { sqlite3_bind_int64(statement.sqliteStatement, index, value) }
    }

    mutating func bind(_ value: Int32?) {
        bind(value.map(Int64.init))
    }

    mutating func bind(_ value: String?) {
        let index = next()
        guard var value else { return }
        value.withUTF8 { text in
            _ = sqlite3_bind_text(statement.sqliteStatement, index, text.baseAddress, Int32(text.count), Self.transient)
        }
    }

    mutating func bind(_ value: Data?) {
        let index = next()
        guard let value else { return }
        value.withUnsafeBytes { blob in
            _ = sqlite3_bind_blob(statement.sqliteStatement, index, blob.baseAddress, Int32(blob.count), Self.transient)
        }
    }

    /// Binds a date as GRDB stores it, formatting it only when it is not `stamp`'s.
    mutating func bind(_ value: Date?, stamp: DatabaseDateText) {
        bind(value.map(stamp.text(for:)))
    }

    /// Runs the statement to completion and returns how many rows it changed.
    func run() throws -> Int {
        let code = sqlite3_step(statement.sqliteStatement)
        defer {
            sqlite3_reset(statement.sqliteStatement)
            sqlite3_clear_bindings(statement.sqliteStatement)
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: database.lastErrorMessage,
                                sql: statement.sql)
        }
        return database.changesCount
    }

    /// SQLite copies the bytes before the bind call returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
