import Foundation
import GRDB
import TL
import XCTest
@testable import Archive

/// `ArchiveRecovery` keeps the sound row of a key over a row damaged inside, and leaves a searchable archive.
final class RecoveryTests: XCTestCase {
    func testARecoveredArchiveIsSearchableAndItsIndexConsistent() throws {
        let directory = try Fixtures.temporaryDirectory(self)
        let source = directory.appendingPathComponent("source.sqlite").path
        let store = try ArchiveStore(path: source)
        try store.commitPage(channel: Fixtures.channel, job: Fixtures.job,
                             messages: [Fixtures.post(2, text: "harbor lights"), Fixtures.post(1, text: "night market")],
                             checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now)
        let target = directory.appendingPathComponent("recovered.sqlite").path

        let report = try ArchiveRecovery.recover(from: source, to: target)

        XCTAssertEqual(report.rows["messages"], 2)
        let recovered = try ArchiveStore(path: target)
        var sink = StringExportSink()
        try recovered.search("market", filter: ExportFilter(), limit: 20, format: .csv, to: &sink)
        XCTAssertEqual(sink.text.split(separator: "\r\n").count, 2, sink.text)
        XCTAssertNoThrow(try recovered.write { db in
            try db.execute(sql: "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")
        })
    }

    /// A row whose `raw` is not a message with its own id is damaged; a sound row, or one outside `messages`'s
    /// columns, is not.
    func testAMessageRowWhoseRawContradictsItsIdIsDamaged() throws {
        let queue = try DatabaseQueue()
        let columns = ["channel_id", "id", "raw"]
        let check = MessageRowCheck(columns: columns)
        let raw = Data(Fixtures.post(51).serialized())
        func row(_ id: Int64, _ raw: Data?) throws -> Row {
            try queue.read { db in
                try XCTUnwrap(Row.fetchOne(db, sql: "SELECT 9, 7, ?, ?", arguments: [id, raw]))
            }
        }
        XCTAssertFalse(check.isDamaged(try row(51, raw)))
        XCTAssertTrue(check.isDamaged(try row(52, raw)), "another message's bytes")
        XCTAssertTrue(check.isDamaged(try row(51, raw.dropLast(3))), "bytes that do not decode")
        XCTAssertTrue(check.isDamaged(try row(51, nil)))
        XCTAssertFalse(MessageRowCheck(columns: ["channel_id", "id"]).isDamaged(try row(52, raw)), "no raw: not judged")
    }
}
