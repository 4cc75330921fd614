import Foundation
import GRDB
import TL
import XCTest
@testable import Archive

/// Full-text search: the FTS5 index follows every page commit, edit and deletion mark.
final class SearchTests: XCTestCase {
    private func commit(_ store: ArchiveStore, _ messages: [Api.Message], channel: ChannelInfo = Fixtures.channel) throws {
        let ids = messages.compactMap { message -> Int32? in
            if case .message(let regular) = message { return regular.id }
            return nil
        }
        try store.commitPage(channel: channel, job: Fixtures.job, messages: messages,
                             checkpoint: Checkpoint(head: ids.max(), tail: ids.min()), now: Fixtures.now)
    }

    private func search(_ store: ArchiveStore, _ query: String, filter: ExportFilter = ExportFilter(),
                        limit: Int = 20) throws -> String {
        var sink = StringExportSink()
        try store.search(query, filter: filter, limit: limit, format: .csv, to: &sink)
        return sink.text
    }

    /// SQLite's own check that the index matches the text in `messages`.
    private func assertIndexConsistent(_ store: ArchiveStore, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNoThrow(try store.write { db in
            try db.execute(sql: "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")
        }, file: file, line: line)
    }

    func testFindsWordsIgnoringCaseAndDiacriticsWithAHighlightedSnippet() throws {
        let store = try Fixtures.store(self)
        try commit(store, [Fixtures.post(1, text: "Meet us at the Café Central tonight"), Fixtures.post(2, text: "nothing here")])
        XCTAssertEqual(try search(store, "cafe"), """
            channel,id,date,deleted,snippet\r
            1001,1,2024-05-01T12:01:00Z,false,Meet us at the **Café** Central tonight\r

            """)
        XCTAssertEqual(try search(store, "\"central tonight\""), """
            channel,id,date,deleted,snippet\r
            1001,1,2024-05-01T12:01:00Z,false,Meet us at the Café **Central tonight**\r

            """)
    }

    func testEditsReplaceTheIndexedTextAndDeletedMessagesStayFindable() throws {
        let store = try Fixtures.store(self)
        try commit(store, [Fixtures.post(1, text: "first draft"), Fixtures.post(2, text: "other draft")])
        try commit(store, [Fixtures.post(1, text: "final words", editDate: Fixtures.baseDate + 999)])
        XCTAssertFalse(try search(store, "first").contains("1001,1,"), "the old text is no longer indexed")
        XCTAssertTrue(try search(store, "final").contains("1001,1,"))
        try store.markDeleted(channel: Fixtures.channel.id, ids: [2], noticedAt: Fixtures.now)
        XCTAssertTrue(try search(store, "draft").contains("1001,2,2024-05-01T12:02:00Z,true,other **draft**"))
        assertIndexConsistent(store)
    }

    func testThePageCommitKeepsTheIndexWithOnlyTheDeleteTrigger() throws {
        let store = try Fixtures.store(self)
        let triggers = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'messages' ORDER BY name")
        }
        XCTAssertEqual(triggers, ["messages_fts_delete"], "new rows and edits are indexed by the page commit (v12-lean-writes)")
        // One page holding a message twice (stored, then edited) and a tombstone later filled in.
        try commit(store, [Fixtures.post(1, text: "early harbor"), Fixtures.post(1, text: "late station", editDate: Fixtures.baseDate + 5),
                           Fixtures.empty(3)])
        try commit(store, [Fixtures.post(3, text: "harbor lights")])
        XCTAssertFalse(try search(store, "early").contains("1001,1,"))
        XCTAssertTrue(try search(store, "station").contains("1001,1,"))
        XCTAssertTrue(try search(store, "lights").contains("1001,3,"))
        assertIndexConsistent(store)
        // A row deleted outright leaves the index through the trigger.
        try store.write { db in try db.execute(sql: "DELETE FROM messages WHERE id = 3") }
        XCTAssertFalse(try search(store, "lights").contains("1001,3,"))
        assertIndexConsistent(store)
    }

    func testPrefixQueriesOfAnyLengthFindTheWordsThatStartSo() throws {
        let store = try Fixtures.store(self)
        try commit(store, [Fixtures.post(1, text: "science fair"), Fixtures.post(2, text: "scissors"),
                           Fixtures.post(3, text: "sceptic"), Fixtures.post(4, text: "Scientists agree")])
        let declared = try store.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'messages_fts'")
        }
        XCTAssertEqual(declared, SearchWithoutPrefix.declaration, "no prefix index since v14-search-without-prefix")
        func ids(_ query: String) throws -> [String] {
            try search(store, query).split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[1]) }.sorted()
        }
        XCTAssertEqual(try ids("sci*"), ["1", "2", "4"], "three characters")
        XCTAssertEqual(try ids("sc*"), ["1", "2", "3", "4"], "two")
        XCTAssertEqual(try ids("scien*"), ["1", "4"], "five")
        try store.markDeleted(channel: Fixtures.channel.id, ids: [2], noticedAt: Fixtures.now)
        try commit(store, [Fixtures.post(4, text: "artists agree", editDate: Fixtures.baseDate + 999)])
        XCTAssertEqual(try ids("sci*"), ["1", "2"], "an edited word leaves the index")
        assertIndexConsistent(store)
    }

    func testChannelDatesAndLimitNarrowTheMatches() throws {
        let store = try Fixtures.store(self)
        let other = ChannelInfo(id: 2_002, accessHash: 1, username: "other", title: "Other")
        try commit(store, (1...5).map { Fixtures.post($0, text: "launch day \($0)") })
        try commit(store, [Fixtures.post(9, text: "launch elsewhere", channelId: other.id)], channel: other)
        let rows = { (text: String) in text.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[1] } }
        XCTAssertEqual(rows(try search(store, "launch", filter: ExportFilter(channel: other.id))), ["9"])
        let since = Date(timeIntervalSince1970: TimeInterval(Fixtures.baseDate + 3 * 60))
        let until = Date(timeIntervalSince1970: TimeInterval(Fixtures.baseDate + 5 * 60))
        XCTAssertEqual(Set(rows(try search(store, "launch", filter: ExportFilter(channel: Fixtures.channel.id, since: since, until: until)))),
                       ["3", "4"])
        XCTAssertEqual(rows(try search(store, "launch", limit: 2)).count, 2)
    }

    func testAQueryFTS5CannotParseIsAClearError() throws {
        let store = try Fixtures.store(self)
        try commit(store, [Fixtures.post(1, text: "x")])
        XCTAssertThrowsError(try search(store, "\"unclosed")) { error in
            guard case ArchiveError.queryRefused(let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("FTS5 syntax"), reason)
        }
    }
}
