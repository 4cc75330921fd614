import Foundation
import TL
import XCTest
@testable import Archive

final class PageCommitTests: XCTestCase {
    private let channel = Fixtures.channel
    private let job = Fixtures.job

    func testANewPageIsStoredWithItsCheckpointAndExtractedFields() throws {
        let store = try Fixtures.store(self)
        let bold = Api.MessageEntity.messageEntityBold(Api.MessageEntity.MessageEntityBold(offset: 0, length: 4))
        let messages = [
            Fixtures.channelCreated(1),
            Fixtures.post(2, text: "Bold news", entities: [bold], replyTo: 1, postAuthor: "Ann"),
            Fixtures.post(3, media: Fixtures.photo(id: 9)),
        ]

        let result = try store.commitPage(channel: channel, job: job, messages: messages,
                                          checkpoint: Checkpoint(head: 3, tail: 1), now: Fixtures.now)

        XCTAssertEqual(result, PageCommitResult(new: 3))
        XCTAssertEqual(try store.checkpoint(job: job, channel: channel.id), Checkpoint(head: 3, tail: 1))
        let service = try XCTUnwrap(try store.message(channel: channel.id, id: 1))
        XCTAssertEqual(service.kind, .service)
        XCTAssertEqual(service.actionKind, "messageActionChannelCreate")
        let post = try XCTUnwrap(try store.message(channel: channel.id, id: 2))
        XCTAssertEqual(post.text, "Bold news")
        XCTAssertEqual(post.entities, #"[{"_":"messageEntityBold","offset":0,"length":4}]"#)
        XCTAssertEqual(post.replyTo, 1)
        XCTAssertEqual(post.postAuthor, "Ann")
        XCTAssertEqual(post.views, 10)
        XCTAssertEqual(post.layer, TLLayer.current)
        XCTAssertEqual(try post.decodedMessage(), messages[1])
        let photo = try XCTUnwrap(try store.message(channel: channel.id, id: 3))
        XCTAssertEqual(photo.mediaKind, "messageMediaPhoto")
        XCTAssertNotNil(photo.mediaDigest)
        XCTAssertEqual(try store.channels().map(\.title), [channel.title])
    }

    func testRecommittingTheSamePageChangesNothing() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: channel, job: job, messages: Fixtures.page(1...100),
                             checkpoint: Checkpoint(head: 100, tail: 1), now: Fixtures.now)

        let again = try store.commitPage(channel: channel, job: job, messages: Fixtures.page(1...100),
                                         checkpoint: Checkpoint(head: 100, tail: 1), now: Fixtures.now.addingTimeInterval(60))

        XCTAssertEqual(again, PageCommitResult(unchanged: 100))
        XCTAssertEqual(try store.messageCount(channel: channel.id), 100)
        XCTAssertEqual(try store.archivedIDs(channel: channel.id, in: 1...200), Array(1...100))
        XCTAssertEqual(try store.message(channel: channel.id, id: 50)?.updatedAt, Fixtures.now)
    }

    func testAnEditedTextKeepsThePreviousContentAsAVersion() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: channel, job: job, messages: [Fixtures.post(1, text: "first")],
                             checkpoint: Checkpoint(head: 1, tail: 1), now: Fixtures.now)
        let later = Fixtures.now.addingTimeInterval(3600)

        let result = try store.commitPage(channel: channel, job: job,
                                          messages: [Fixtures.post(1, text: "second", editDate: Fixtures.baseDate + 999)],
                                          checkpoint: Checkpoint(head: 1, tail: 1), now: later)

        XCTAssertEqual(result, PageCommitResult(updated: 1, versioned: 1))
        let stored = try XCTUnwrap(try store.message(channel: channel.id, id: 1))
        XCTAssertEqual(stored.text, "second")
        XCTAssertEqual(stored.archivedAt, Fixtures.now)
        XCTAssertEqual(stored.updatedAt, later)
        let versions = try store.versions(channel: channel.id, id: 1)
        XCTAssertEqual(versions.map(\.text), ["first"])
        XCTAssertEqual(versions.first?.editDate, nil)
        XCTAssertEqual(versions.first?.replacedAt, later)
        XCTAssertEqual(try versions.first.map { try Api.Message(bytes: [UInt8]($0.raw)) }, Fixtures.post(1, text: "first"))
    }

    func testChangedEntitiesOrMediaAreVersionsToo() throws {
        let store = try Fixtures.store(self)
        let italic = Api.MessageEntity.messageEntityItalic(Api.MessageEntity.MessageEntityItalic(offset: 0, length: 2))
        try store.commitPage(channel: channel, job: job, messages: [Fixtures.post(1, text: "hi"), Fixtures.post(2, media: Fixtures.photo(id: 1))],
                             checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now)

        let result = try store.commitPage(channel: channel, job: job,
                                          messages: [Fixtures.post(1, text: "hi", entities: [italic]), Fixtures.post(2, media: Fixtures.photo(id: 2))],
                                          checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now)

        XCTAssertEqual(result, PageCommitResult(updated: 2, versioned: 2))
        XCTAssertEqual(try store.versions(channel: channel.id, id: 2).first?.mediaKind, "messageMediaPhoto")
    }

    func testReactionsViewsAndARefreshedFileReferenceUpdateCountersWithoutAVersion() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: channel, job: job,
                             messages: [Fixtures.post(1, views: 10, media: Fixtures.photo(id: 4, reference: [1]))],
                             checkpoint: Checkpoint(head: 1, tail: 1), now: Fixtures.now)

        // Telegram bumps edit_date when reactions change; the content is the same.
        let result = try store.commitPage(channel: channel, job: job, messages: [
            Fixtures.post(1, views: 250, forwards: 7, editDate: Fixtures.baseDate + 5000,
                          media: Fixtures.photo(id: 4, reference: [9, 9]), reactions: Fixtures.thumbsUp(12)),
        ], checkpoint: Checkpoint(head: 1, tail: 1), now: Fixtures.now)

        XCTAssertEqual(result, PageCommitResult(updated: 1))
        XCTAssertEqual(try store.versions(channel: channel.id, id: 1), [])
        let stored = try XCTUnwrap(try store.message(channel: channel.id, id: 1))
        XCTAssertEqual(stored.views, 250)
        XCTAssertEqual(stored.forwards, 7)
        XCTAssertEqual(stored.editDate, Int64(Fixtures.baseDate + 5000))
        XCTAssertTrue(stored.reactions?.contains("👍") ?? false)
    }

    func testDeletionsAreMarksNeverRemovals() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: channel, job: job, messages: Fixtures.page(1...5),
                             checkpoint: Checkpoint(head: 5, tail: 1), now: Fixtures.now)
        let noticed = Fixtures.now.addingTimeInterval(10)

        let marked = try store.markDeleted(channel: channel.id, ids: [2, 3, 42], noticedAt: noticed)
        let markedAgain = try store.markDeleted(channel: channel.id, ids: [2], noticedAt: noticed.addingTimeInterval(5))

        XCTAssertEqual(marked, 2)
        XCTAssertEqual(markedAgain, 0)
        XCTAssertEqual(try store.messageCount(channel: channel.id), 5)
        XCTAssertEqual(try store.message(channel: channel.id, id: 2)?.deletedAt, noticed)
        XCTAssertEqual(try store.message(channel: channel.id, id: 2)?.text, "post 2")
        XCTAssertNil(try store.message(channel: channel.id, id: 1)?.deletedAt)
    }

    func testAnEmptyMessageMarksTheStoredOneDeletedAndIsATombstoneOtherwise() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: channel, job: job, messages: Fixtures.page(1...2),
                             checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now)

        let result = try store.commitPage(channel: channel, job: job, messages: [Fixtures.empty(2), Fixtures.empty(3)],
                                          checkpoint: Checkpoint(head: 3, tail: 1), now: Fixtures.now)

        XCTAssertEqual(result, PageCommitResult(new: 1, updated: 1))
        let deleted = try XCTUnwrap(try store.message(channel: channel.id, id: 2))
        XCTAssertEqual(deleted.text, "post 2")
        XCTAssertEqual(deleted.deletedAt, Fixtures.now)
        XCTAssertEqual(try store.message(channel: channel.id, id: 3)?.kind, .empty)
        XCTAssertEqual(try store.archivedIDs(channel: channel.id, in: 1...10), [1, 2, 3])
        XCTAssertEqual(try store.messageCount(channel: channel.id), 2)
    }

    func testDatesOfTheOldestAndNewestMessages() throws {
        let store = try Fixtures.store(self)
        XCTAssertNil(try store.dateRange(channel: channel.id))

        try store.commitPage(channel: channel, job: job, messages: Fixtures.page(3...7),
                             checkpoint: Checkpoint(head: 7, tail: 3), now: Fixtures.now)

        let range = try XCTUnwrap(try store.dateRange(channel: channel.id))
        XCTAssertEqual(range.lowerBound, Date(timeIntervalSince1970: TimeInterval(Fixtures.baseDate + 180)))
        XCTAssertEqual(range.upperBound, Date(timeIntervalSince1970: TimeInterval(Fixtures.baseDate + 420)))
    }
}
