import Foundation
import TL
import XCTest
@testable import Archive

/// `tgcron sql`: read-only queries with `tl_json(raw)`, in each format.
final class QueryTests: XCTestCase {
    private func storeWithPosts() throws -> ArchiveStore {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: Fixtures.channel, job: Fixtures.job,
                             messages: [Fixtures.post(1, text: "hello, \"world\""), Fixtures.post(2, text: "two")],
                             checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now)
        return store
    }

    private func run(_ store: ArchiveStore, _ sql: String, _ format: QueryFormat) throws -> String {
        var sink = StringExportSink()
        try store.query(sql, format: format, to: &sink)
        return sink.text
    }

    func testTLJSONReachesNestedPartsInEachFormat() throws {
        let store = try storeWithPosts()
        let sql = "SELECT id, json_extract(tl_json(raw), '$._') AS constructor, text FROM messages ORDER BY id"
        XCTAssertEqual(try run(store, sql, .csv),
                       "id,constructor,text\r\n1,message,\"hello, \"\"world\"\"\"\r\n2,message,two\r\n")
        XCTAssertEqual(try run(store, sql, .json), """
            [
            {"id":1,"constructor":"message","text":"hello, \\"world\\""},
            {"id":2,"constructor":"message","text":"two"}
            ]

            """)
        XCTAssertEqual(try run(store, sql, .table), """
            id  constructor  text
            --  -----------  --------------
            1   message      hello, "world"
            2   message      two
            (2 rows)

            """)
    }

    func testStatementsThatWriteAreRefusedAndChangeNothing() throws {
        let store = try storeWithPosts()
        for sql in ["DELETE FROM messages", "UPDATE messages SET text = 'x'", "DROP TABLE messages"] {
            XCTAssertThrowsError(try run(store, sql, .table), sql) { error in
                guard case ArchiveError.queryRefused = error else { return XCTFail("\(sql): \(error)") }
            }
        }
        XCTAssertEqual(try store.messageCount(channel: Fixtures.channel.id), 2)
        XCTAssertThrowsError(try run(store, "SELEC 1", .table)) { error in
            XCTAssertTrue("\(error)".contains("syntax error"), "\(error)")
        }
    }
}
