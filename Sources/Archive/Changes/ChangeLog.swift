import Foundation
import GRDB

/// Appends to `changes` inside the caller's transaction, so a change is logged exactly when the message row
/// it describes is committed.
enum ChangeLog {
    static func append(_ kind: ChangeKind, channel: Int64, message: Int32, at: Date, in db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO changes (channel_id, message_id, kind, at) VALUES (?, ?, ?, ?)")
        try statement.execute(arguments: [channel, message, kind.rawValue, at])
    }
}
