import Foundation
import GRDB

/// Appends to `changes` inside the caller's transaction, so a change is logged exactly when the message row
/// it describes is committed.
enum ChangeLog {
    static func append(_ kind: ChangeKind, channel: Int64, message: Int32, at: DatabaseDateText,
                       in db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO changes (channel_id, message_id, kind, at) VALUES (?1, ?2, ?3, ?4)")
        var row = RowBinder(statement, in: db)
        row.bind(channel)
        row.bind(message)
        row.bind(kind.rawValue)
        row.bind(at.text)
        _ = try row.run()
    }
}
