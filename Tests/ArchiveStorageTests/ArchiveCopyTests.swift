import Archive
import ArchivePostgres
import Foundation
import TestSupport
import XCTest

/// `tgcron archive copy`'s engine: a SQLite archive into PostgreSQL, stopped and resumed, equals its source.
final class ArchiveCopyTests: XCTestCase {
    /// A SQLite archive with a row in every table the storage protocols write.
    private func filledSQLite() throws -> ArchiveStore {
        let sqlite = try ArchiveStore(path: temporaryDirectory(prefix: "copy-tests").archivePath)
        let contract = StorageContract(store: sqlite)
        try contract.commit((1...9).map { StorageContract.post($0) }, head: 9, tail: 1)
        try contract.commit([StorageContract.post(3, text: "edited"), StorageContract.empty(4)], head: 9,
                            at: StorageContract.now.addingTimeInterval(60))
        try contract.mediaAreQueuedWithTheirPageAndTracked()
        try contract.runsAreRecorded()
        try contract.sessionsAndAuthKeysKeepTheirState()
        try contract.peersResolveCaseInsensitively()
        try contract.governorStateVersionsGrowOnChange()
        try contract.sinkCursorsNeverMoveBack()
        try contract.watchPositionsAreKept()
        try contract.usersAreStoredFromPagesAndMinCopiesNeverOverwrite()
        try contract.commentLinksAreFilledWhicheverOrderPagesArrive()
        try contract.topicIDIsStoredForForumMessages()
        try contract.forumTopicsAreUpsertedAndADeletedOneKeepsItsTitle()
        try contract.inviteLinksAreRemembered()
        return sqlite
    }

    func testAStoppedCopyResumesAndEqualsItsSource() throws {
        let sqlite = try filledSQLite()
        let target = try XCTUnwrap(try PostgresBackend().makeStorage(self) as? PostgresArchive)
        var batches = 0
        let first = try target.copy(from: sqlite, sourceName: sqlite.path, batchSize: 2) {
            batches += 1
            return batches > 4
        }
        XCTAssertFalse(first.finished)
        XCTAssertEqual(first.copied.map(\.rows).reduce(0, +), 5, "the three channels (two batches), then two messages")
        let second = try target.copy(from: sqlite, sourceName: sqlite.path, batchSize: 2)
        XCTAssertTrue(second.finished)
        let again = try target.copy(from: sqlite, sourceName: sqlite.path, batchSize: 2)
        XCTAssertTrue(again.copied.isEmpty, "a finished copy copies nothing more: \(again.copied)")

        let channel = StorageContract.channel.id
        XCTAssertEqual(try target.channels(), try sqlite.channels())
        XCTAssertEqual(try target.archivedIDs(channel: channel, in: 1...100), try sqlite.archivedIDs(channel: channel, in: 1...100))
        for copied in [channel, StorageContract.group.id, StorageContract.forum.id] {
            for id in try sqlite.archivedIDs(channel: copied, in: 1...100) {
                XCTAssertEqual(try target.message(channel: copied, id: id), try sqlite.message(channel: copied, id: id),
                               "message \(id) of \(copied)")
            }
        }
        XCTAssertEqual(try target.users(), try sqlite.users())
        XCTAssertEqual(try target.users().count, 4)
        XCTAssertEqual(try target.discussionGroup(of: channel), StorageContract.group.id)
        XCTAssertEqual(try target.forumTopics(channel: StorageContract.forum.id).count, 3)
        XCTAssertEqual(try target.forumTopics(channel: StorageContract.forum.id),
                       try sqlite.forumTopics(channel: StorageContract.forum.id))
        XCTAssertEqual(try target.inviteLink(digest: "d1"), try sqlite.inviteLink(digest: "d1"))
        XCTAssertNotNil(try target.inviteLink(digest: "d1"))
        XCTAssertEqual(try target.checkpoint(job: StorageContract.job, channel: channel),
                       try sqlite.checkpoint(job: StorageContract.job, channel: channel))
        XCTAssertEqual(try target.changes(after: 0, limit: 1_000), try sqlite.changes(after: 0, limit: 1_000))
        XCTAssertEqual(try target.lastRun(job: "a", channel: channel), try sqlite.lastRun(job: "a", channel: channel))
        XCTAssertEqual(try target.session(named: "main"), try sqlite.session(named: "main"))
        XCTAssertEqual(try target.loginNeeded(session: "main")?.reason, try sqlite.loginNeeded(session: "main")?.reason)
        XCTAssertEqual(try target.cachedPeer(username: "seam_news"), try sqlite.cachedPeer(username: "seam_news"))
        XCTAssertEqual(try target.sinkCursor("redis"), try sqlite.sinkCursor("redis"))
        XCTAssertEqual(try target.watchPts(channel: channel), try sqlite.watchPts(channel: channel))
        for status in MediaStatus.allCases {
            XCTAssertEqual(try target.mediaEntries(status: status), try sqlite.mediaEntries(status: status), "\(status)")
        }
        XCTAssertEqual(try target.mediaBytes(day: "2024-07-03").bytes, 1_024)
        let governor = try target.updateGovernorState(account: "default", now: StorageContract.now) { $0 ?? Data() }
        XCTAssertEqual(governor.version, 2)
        // Sequences continue after the copied ids.
        let sqliteNext = try sqlite.beginRun(job: "b", channel: nil, startedAt: StorageContract.now)
        XCTAssertEqual(try target.beginRun(job: "b", channel: nil, startedAt: StorageContract.now), sqliteNext)
    }

    func testATargetWithOtherMessagesIsRefused() throws {
        let sqlite = try filledSQLite()
        let target = try XCTUnwrap(try PostgresBackend().makeStorage(self) as? PostgresArchive)
        try StorageContract(store: target).commit([StorageContract.post(1)], head: 1)
        XCTAssertThrowsError(try target.copy(from: sqlite, sourceName: sqlite.path)) { error in
            XCTAssertTrue("\(error)".contains("already holds messages"), "\(error)")
        }
    }
}
