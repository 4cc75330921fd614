import Foundation
import GRDB
import XCTest
@testable import Archive

/// Migration `v10-accounts`: the one governor state of an older archive becomes the default account's, with
/// its version and time, and other accounts start from nothing.
final class AccountsMigrationTests: XCTestCase {
    func testTheSingleGovernorStateBecomesTheDefaultAccounts() throws {
        let queue = try DatabaseQueue()
        try ArchiveSchema.migrator.migrate(queue, upTo: "v9-lean-text")
        let saved = Date(timeIntervalSince1970: 1_767_225_600)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO governor_state (id, version, state, updated_at) VALUES (1, 7, ?, ?)",
                           arguments: [Data("{\"tokens\":3}".utf8), saved])
        }
        try ArchiveSchema.migrator.migrate(queue)
        let rows = try queue.read { db in try GovernorStateRecord.fetchAll(db) }
        XCTAssertEqual(rows, [GovernorStateRecord(account: "default", version: 7, state: Data("{\"tokens\":3}".utf8), updatedAt: saved)])
        XCTAssertNil(try queue.read { db in try GovernorStateRecord.fetchOne(db, key: "alice") })
    }
}
