import Foundation
import GRDB
import XCTest
@testable import Archive

/// Migration `v14-search-without-prefix`: an archive indexed with the prefix index of `v9-lean-text` is
/// indexed again without it, every row still found, the index consistent with its content.
final class SearchWithoutPrefixTests: XCTestCase {
    func testAnIndexWithPrefixesIsDeclaredAgainWithoutAndFindsTheSameRows() throws {
        let queue = try DatabaseQueue()
        try ArchiveSchema.migrator.migrate(queue, upTo: "v13-change-log-check")
        let texts = ["science fair", "scissors", "sceptic", "Scientists agree", nil, "новости науки"]
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO channels (id, title, first_seen, last_seen) VALUES (5, 'c', '2026-12-05 06:00:00.000', '2026-12-05 06:00:00.000')
                """)
            for (index, text) in texts.enumerated() {
                try db.execute(sql: """
                    INSERT INTO messages (channel_id, id, kind, text, raw, layer, archived_at, updated_at)
                    VALUES (5, ?, 'message', ?, x'00', 228, '2026-12-05 06:00:00.000', '2026-12-05 06:00:00.000')
                    """, arguments: [index + 1, text])
                try db.execute(sql: "INSERT INTO messages_fts (rowid, text) VALUES (?, ?)", arguments: [db.lastInsertedRowID, text])
            }
        }
        func ids(_ query: String, in db: Database) throws -> [Int64] {
            try Int64.fetchAll(db, sql: """
                SELECT m.id FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid WHERE messages_fts MATCH ?
                ORDER BY m.id
                """, arguments: [query])
        }
        let queries = ["sci*", "sc*", "scien*", "agree", "нов*", "\"science fair\""]
        let before = try queue.read { db in try queries.map { try ids($0, in: db) } }
        XCTAssertEqual(before.first, [1, 2, 4])

        try ArchiveSchema.migrator.migrate(queue)

        try queue.write { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'messages_fts'"),
                           SearchWithoutPrefix.declaration)
            XCTAssertEqual(try queries.map { try ids($0, in: db) }, before)
            try db.execute(sql: "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")
        }
    }
}
