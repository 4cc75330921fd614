import Foundation
import GRDB

/// Hands out a row's columns one after the other, in an order the reader knows (`MessageRecord.columnNames`),
/// so one initializer reads a record whether the row comes by position (`RowReader`, the export) or by name
/// (`NamedColumns`, a GRDB row of `SELECT *`). Each value is nil where the column is NULL.
protocol ColumnSource {
    mutating func int64() throws -> Int64?
    /// An integer column that must fit 32 bits.
    mutating func int32() throws -> Int32?
    mutating func string() throws -> String?
    mutating func data() throws -> Data?
    mutating func date() throws -> Date?
}

/// The columns `names` of a GRDB row, looked up by name in that order.
struct NamedColumns: ColumnSource {
    private let row: Row
    private let names: [String]
    private var index = 0

    init(_ row: Row, names: [String]) {
        self.row = row
        self.names = names
    }

    private mutating func next() -> String {
        defer { index += 1 }
        return names[index]
    }

    mutating func int64() throws -> Int64? { try row.decode(Int64?.self, forColumn: next()) }
    mutating func int32() throws -> Int32? { try row.decode(Int32?.self, forColumn: next()) }
    mutating func string() throws -> String? { try row.decode(String?.self, forColumn: next()) }
    mutating func data() throws -> Data? { try row.decode(Data?.self, forColumn: next()) }
    mutating func date() throws -> Date? { try row.decode(Date?.self, forColumn: next()) }
}
