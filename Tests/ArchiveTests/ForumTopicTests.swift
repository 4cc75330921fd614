import Foundation
import TL
import XCTest
@testable import Archive

/// Forum topics: each message's `topic_id` as Telegram's forums define it, the topics table, and the JSONL key.
final class ForumTopicTests: XCTestCase {
    private let forum = ChannelInfo(id: 2_002, accessHash: 9, username: "tgcron_forum", title: "Forum", forum: true)

    private func message(_ id: Int32, replyTo: Api.MessageReplyHeader? = nil, channel: Int64 = 2_002) -> Api.Message {
        .message(.init(id: id, fromId: .peerUser(.init(userId: 42)), peerId: .peerChannel(.init(channelId: channel)),
                       replyTo: replyTo, date: Fixtures.baseDate + id, message: "m\(id)"))
    }

    private func topicCreated(_ id: Int32) -> Api.Message {
        .messageService(.init(id: id, peerId: .peerChannel(.init(channelId: 2_002)), date: Fixtures.baseDate + id,
                              action: .messageActionTopicCreate(.init(title: "Help", iconColor: 0))))
    }

    func testEveryMessageOfAForumKeepsItsTopicAndOthersNone() throws {
        let store = try Fixtures.store(self)
        let page: [Api.Message] = [
            message(1),                                                                          // General
            topicCreated(2),                                                                     // opens topic 2
            message(3, replyTo: .messageReplyHeader(.init(forumTopic: true, replyToMsgId: 2))),  // in topic 2
            message(4, replyTo: .messageReplyHeader(.init(forumTopic: true, replyToMsgId: 3, replyToTopId: 2))),
            message(5, replyTo: .messageReplyHeader(.init(replyToMsgId: 1))),                     // a reply in General
        ]

        try store.commitPage(channel: forum, job: "forum", messages: page, checkpoint: Checkpoint(head: 5, tail: 1), now: Fixtures.now)
        try store.commitPage(channel: Fixtures.channel, job: "news", messages: [Fixtures.post(1)],
                             checkpoint: Checkpoint(head: 1, tail: 1), now: Fixtures.now)

        let topics = try (1...5).map { try store.message(channel: forum.id, id: Int32($0))?.topicId }
        XCTAssertEqual(topics, [1, 2, 2, 2, 1])
        XCTAssertNil(try store.message(channel: Fixtures.channel.id, id: 1)?.topicId, "no topic outside forums")
    }

    func testTopicsAreUpsertedAndADeletedOneKeepsItsTitle() throws {
        let store = try Fixtures.store(self)
        try store.saveForumTopics([
            ForumTopicRecord(channelId: 0, topicId: 1, title: "General", updatedAt: Fixtures.now),
            ForumTopicRecord(channelId: 0, topicId: 2, title: "Help", date: 100, updatedAt: Fixtures.now),
        ], channel: forum.id, now: Fixtures.now)
        try store.saveForumTopics([ForumTopicRecord(channelId: 0, topicId: 2, title: "", deleted: true, updatedAt: Fixtures.now)],
                                  channel: forum.id, now: Fixtures.now)

        let topics = try store.forumTopics(channel: forum.id)
        XCTAssertEqual(topics.map(\.title), ["General", "Help"])
        XCTAssertEqual(topics.map(\.deleted), [false, true])
        XCTAssertTrue(try store.isForum(forum.id))
        XCTAssertFalse(try store.isForum(Fixtures.channel.id))
    }

    func testJSONLLinesOfAForumCarryTheTopicAndOthersDoNot() throws {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: forum, job: "forum", messages: [message(1), topicCreated(2)], checkpoint: Checkpoint(), now: Fixtures.now)
        try store.commitPage(channel: Fixtures.channel, job: "news", messages: [Fixtures.post(1)], checkpoint: Checkpoint(), now: Fixtures.now)

        var sink = StringExportSink()
        try store.export(.jsonl, filter: ExportFilter(), to: &sink, timeZone: TimeZone(identifier: "UTC") ?? .current)

        let lines = try sink.text.split(separator: "\n").map { try TLJSONParser.parse(String($0)) }
        let forumTopics = lines.filter { $0["channel"] == .integer(forum.id) }.map { $0["topic_id"] }
        let newsTopics = lines.filter { $0["channel"] == .integer(Fixtures.channel.id) }.map { $0["topic_id"] }
        XCTAssertEqual(forumTopics, [.integer(1), .integer(2)])
        XCTAssertEqual(newsTopics, [nil])
    }
}
