import Foundation
import GRDB
import TL

extension ArchiveStore {
    /// Runs one read-only SQL statement over the archive and writes its rows to `sink` in `format`, returning
    /// how many rows there were. `tl_json(raw)` is available (`TLJSONFunction`). A statement that would write
    /// is refused before it runs, and the snapshot is read-only anyway.
    @discardableResult
    public func query<Sink: ExportSink>(_ sql: String, format: QueryFormat, to sink: inout Sink) throws(ArchiveError) -> Int {
        try read { db in
            db.add(function: TLJSONFunction.function)
            let statement: Statement
            do {
                statement = try db.makeStatement(sql: sql)
            } catch let error as DatabaseError {
                throw ArchiveError.queryRefused(reason: error.message ?? "\(error)")
            }
            guard statement.isReadonly else {
                throw ArchiveError.queryRefused(reason: "only statements that read are allowed (SELECT, WITH, read-only PRAGMA)")
            }
            var writer = QueryResultWriter(columns: statement.columnNames, format: format)
            let rows = try Row.fetchCursor(statement)
            var count = 0
            try sink.write(writer.header())
            while let row = try rows.next() {
                try sink.write(writer.line(for: Array(row.databaseValues)))
                count += 1
            }
            try sink.write(writer.footer())
            try sink.flush()
            return count
        }
    }
}
