@testable import Archive
import XCTest

final class ChangeLogTests: XCTestCase {
    private func kinds(_ changes: [ArchiveChange]) -> [String] {
        changes.map { "\($0.messageId):\($0.kind.rawValue)" }
    }

    func testNewMessagesAreLoggedInCommitOrderWithTheirRows() throws {
        let archive = try ArchiveScenario(self)
        try archive.commitPosts(1...3)
        let changes = try archive.store.changes(after: 0, limit: 100)
        XCTAssertEqual(kinds(changes), ["1:new", "2:new", "3:new"])
        XCTAssertEqual(changes.map(\.seq), [1, 2, 3])
        XCTAssertEqual(changes[1].message?.text, "post 2")
        XCTAssertEqual(changes[1].channelId, ArchiveScenario.channel.id)
        XCTAssertEqual(changes[1].at, ArchiveScenario.now)
    }

    func testALoggedMessageDecodesToTLJSON() throws {
        let archive = try ArchiveScenario(self)
        try archive.commitPosts(7...7)
        let json = try XCTUnwrap(try archive.store.changes(after: 0, limit: 1).first?.message).tlJSON()
        XCTAssertTrue(json.hasPrefix(#"{"_":"message""#), json)
        XCTAssertTrue(json.contains(#""message":"post 7""#), json)
    }

    func testEmptyIdsNeverSeenAreNotLogged() throws {
        let archive = try ArchiveScenario(self)
        try archive.commit([ArchiveScenario.post(2), ArchiveScenario.empty(1)])
        XCTAssertEqual(kinds(try archive.store.changes(after: 0, limit: 100)), ["2:new"])
    }

    func testCounterOnlyUpdatesAreNotLoggedButEditsAre() throws {
        let archive = try ArchiveScenario(self)
        try archive.commitPosts(1...2)
        try archive.commit([ArchiveScenario.post(1, views: 500), ArchiveScenario.post(2, text: "fixed", editDate: 99)])
        let changes = try archive.store.changes(after: 2, limit: 100)
        XCTAssertEqual(kinds(changes), ["2:edited"])
        XCTAssertEqual(changes[0].message?.text, "fixed")
        XCTAssertEqual(changes[0].message?.editDate, 99)
    }

    func testDeletionsAreLoggedOnceWithoutARow() throws {
        let archive = try ArchiveScenario(self)
        try archive.commitPosts(1...3)
        try archive.commit([ArchiveScenario.empty(1)])
        XCTAssertEqual(try archive.store.markDeleted(channel: ArchiveScenario.channel.id, ids: [1, 2, 9],
                                                    noticedAt: ArchiveScenario.now), 1)
        try archive.commit([ArchiveScenario.empty(2)])
        let changes = try archive.store.changes(after: 3, limit: 100)
        XCTAssertEqual(kinds(changes), ["1:deleted", "2:deleted"])
        XCTAssertTrue(changes.allSatisfy { $0.message == nil })
    }

    func testARejectedPageLogsNothing() throws {
        let archive = try ArchiveScenario(self)
        XCTAssertThrowsError(try archive.store.commitPage(
            channel: ArchiveScenario.channel, job: "ops", messages: [ArchiveScenario.post(1)],
            checkpoint: Checkpoint(head: 50), now: ArchiveScenario.now))
        XCTAssertEqual(try archive.store.changes(after: 0, limit: 100), [])
        XCTAssertEqual(try archive.store.latestChangeSeq(), 0)
    }

    func testChangesArePagedByLimit() throws {
        let archive = try ArchiveScenario(self)
        try archive.commitPosts(1...5)
        XCTAssertEqual(try archive.store.changes(after: 0, limit: 2).map(\.seq), [1, 2])
        XCTAssertEqual(try archive.store.changes(after: 2, limit: 2).map(\.seq), [3, 4])
        XCTAssertEqual(try archive.store.changes(after: 4, limit: 2).map(\.seq), [5])
        XCTAssertEqual(try archive.store.changes(after: 5, limit: 2), [])
    }

    func testSinkCursorsStartAtZeroAndNeverMoveBack() throws {
        let archive = try ArchiveScenario(self)
        XCTAssertEqual(try archive.store.sinkCursor("redis"), 0)
        try archive.store.advanceSinkCursor("redis", to: 7)
        try archive.store.advanceSinkCursor("redis", to: 3)
        try archive.store.advanceSinkCursor("other", to: 1)
        XCTAssertEqual(try archive.store.sinkCursor("redis"), 7)
        XCTAssertEqual(try archive.store.sinkCursor("other"), 1)
    }
}
