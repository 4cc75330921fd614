import Foundation
import GRDB
import XCTest
@testable import Archive

/// Migration `v13-change-log-check`: `changes` is rebuilt with its kind checked by comparisons (no per-row
/// ephemeral table), keeping every row, its sequence number and AUTOINCREMENT's high-water mark.
final class ChangeLogConstraintTests: XCTestCase {
    func testTheRebuiltChangeLogKeepsItsRowsAndItsSequence() throws {
        let queue = try DatabaseQueue()
        try ArchiveSchema.migrator.migrate(queue, upTo: "v12-lean-writes")
        try queue.write { db in
            for (message, kind) in [(10, "new"), (11, "new"), (10, "edited"), (11, "deleted"), (12, "new")] {
                try db.execute(sql: "INSERT INTO changes (channel_id, message_id, kind, at) VALUES (5, ?, ?, '2026-12-05 06:00:00.000')",
                               arguments: [message, kind])
            }
            try db.execute(sql: "DELETE FROM changes WHERE seq >= 4")  // the high-water mark stays at 5
        }
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM changes ORDER BY seq") }

        try ArchiveSchema.migrator.migrate(queue)

        try queue.write { db in
            XCTAssertEqual(try Row.fetchAll(db, sql: "SELECT * FROM changes ORDER BY seq"), before)
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'changes'") ?? ""
            XCTAssertFalse(sql.contains(" IN "), sql)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'changes_v13'"), 0)
            try db.execute(sql: "INSERT INTO changes (channel_id, message_id, kind, at) VALUES (5, 13, 'new', '2026-12-05 06:01:00.000')")
            XCTAssertEqual(db.lastInsertedRowID, 6, "a sequence number is never given twice")
            XCTAssertThrowsError(try db.execute(sql: """
                INSERT INTO changes (channel_id, message_id, kind, at) VALUES (5, 14, 'renamed', '2026-12-05 06:01:00.000')
                """)) { error in
                XCTAssertEqual((error as? DatabaseError)?.resultCode, .SQLITE_CONSTRAINT)
            }
        }
    }

    /// The page commit appends its changes in message order (one statement per page) with the page's time.
    func testAPagesChangesAreLoggedInOrder() throws {
        let queue = try DatabaseQueue()
        try ArchiveSchema.migrator.migrate(queue)
        try queue.write { db in
            var changes = ChangeLog(channel: 77)
            changes.append(.new, message: 3)
            changes.append(.edited, message: 2)
            changes.append(.deleted, message: Int32.max)
            changes.append(.new, message: 1)
            try changes.write(at: DatabaseDateText(Date(timeIntervalSince1970: 1_767_225_600)), in: db)
            try ChangeLog(channel: 77).write(at: DatabaseDateText(Date()), in: db)  // nothing to write
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, channel_id, message_id, kind, at FROM changes ORDER BY seq").map {
                "\($0[0] as Int64) \($0[1] as Int64) \($0[2] as Int64) \($0[3] as String) \($0[4] as String)"
            }
        }
        XCTAssertEqual(rows, ["1 77 3 new 2026-01-01 00:00:00.000", "2 77 2 edited 2026-01-01 00:00:00.000",
                              "3 77 2147483647 deleted 2026-01-01 00:00:00.000", "4 77 1 new 2026-01-01 00:00:00.000"])
    }
}
