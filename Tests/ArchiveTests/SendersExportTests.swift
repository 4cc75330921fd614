import Foundation
import TL
import XCTest
@testable import Archive

/// Senders (the `users` table filled from each page's users and chats), comments linked to their posts, and
/// how the exports show both (issue #18; `via_bot` of issue #20).
final class SendersExportTests: XCTestCase {
    private let channel = Fixtures.channel
    private let group = ChannelInfo(id: 3_003, accessHash: 9, username: "tgcron_chat", title: "tgcron Chat")

    private func user(_ id: Int64, first: String, last: String? = nil, username: String? = nil, bot: Bool = false,
                      min: Bool = false) -> Api.User {
        .user(.init(bot: bot, min: min, id: id, accessHash: 1, firstName: first, lastName: last, username: username))
    }

    private func groupMessage(_ id: Int32, from: Api.Peer, replyTo: Int32? = nil, top: Int32? = nil,
                              copyOf post: Int32? = nil, viaBot: Int64? = nil) -> Api.Message {
        .message(.init(
            id: id, fromId: from, peerId: .peerChannel(.init(channelId: group.id)),
            fwdFrom: post.map { Api.MessageFwdHeader(fromId: .peerChannel(.init(channelId: channel.id)), date: Fixtures.baseDate,
                                                      channelPost: $0, savedFromPeer: .peerChannel(.init(channelId: channel.id)),
                                                      savedFromMsgId: $0) },
            viaBotId: viaBot,
            replyTo: replyTo.map { .messageReplyHeader(.init(replyToMsgId: $0, replyToTopId: top)) },
            date: Fixtures.baseDate + id, message: "group \(id)"))
    }

    /// A channel with posts 1 and 2, and its group: copies 10 (post 1) and 20 (post 2), comments under them,
    /// committed newest first in two pages so comment 21 arrives before the copy of its post.
    private func archive() throws -> ArchiveStore {
        let store = try Fixtures.store(self)
        try store.commitPage(channel: channel, job: Fixtures.job, messages: [Fixtures.post(1), Fixtures.post(2)],
                             checkpoint: Checkpoint(head: 2, tail: 1), now: Fixtures.now)
        let ann = Api.Peer.peerUser(.init(userId: 501)), bob = Api.Peer.peerUser(.init(userId: 502))
        let users = [user(501, first: "Ann", last: "Lee", username: "ann"), user(502, first: "Bob"),
                     user(900, first: "Helper", username: "helper_bot", bot: true)]
        try store.commitPage(channel: group, job: Fixtures.job, messages: [
            groupMessage(22, from: bob, replyTo: 21, top: 20, viaBot: 900),
            groupMessage(21, from: ann, replyTo: 20, top: 20),
        ].map(TLReceived.init(serializing:)), checkpoint: Checkpoint(head: 22, tail: 21), now: Fixtures.now,
           peers: PagePeers(users: users, chats: [], discussionOf: channel.id))
        try store.commitPage(channel: group, job: Fixtures.job, messages: [
            groupMessage(20, from: .peerChannel(.init(channelId: channel.id)), copyOf: 2),
            groupMessage(11, from: .peerChannel(.init(channelId: channel.id)), replyTo: 10),
            groupMessage(10, from: .peerChannel(.init(channelId: channel.id)), copyOf: 1),
        ].map(TLReceived.init(serializing:)), checkpoint: Checkpoint(head: 22, tail: 10), now: Fixtures.now,
           // A `min` copy of Ann never overwrites what the full one said.
           peers: PagePeers(users: [user(501, first: "A", min: true)], chats: [], discussionOf: channel.id))
        return store
    }

    func testCommentsAreLinkedToTheirPostsWhicheverPageBringsTheCopy() throws {
        let store = try archive()
        let links = try [10, 11, 20, 21, 22].map { try XCTUnwrap(try store.message(channel: group.id, id: $0)) }
            .map { [$0.threadId.map(Int.init), $0.commentOf.map(Int.init)] }
        XCTAssertEqual(links, [[nil, 1], [10, 1], [nil, 2], [20, 2], [20, 2]])
        XCTAssertEqual(try store.discussionGroup(of: channel.id), group.id)
        XCTAssertEqual(try store.message(channel: group.id, id: 21)?.senderId, 501)
    }

    func testUsersAreStoredFromThePagesAndMinCopiesDoNotOverwrite() throws {
        let users = try archive().users()
        XCTAssertEqual(users[501]?.displayName, "Ann Lee")
        XCTAssertEqual(users[501]?.username, "ann")
        XCTAssertEqual(users[900]?.bot, true)
        XCTAssertEqual(users[502]?.displayName, "Bob")
    }

    func testJSONLWithCommentsPutsEachCommentOnItsLineWithItsPost() throws {
        let store = try archive()
        var sink = StringExportSink()
        try store.export(.jsonl, filter: ExportFilter(channel: channel.id, commentsGroup: group.id), to: &sink)
        let lines = try sink.text.split(separator: "\n").map { try TLJSONParser.parse(String($0)) }
        XCTAssertEqual(lines.map { [$0["channel"], $0["id"], $0["comment_of"]] }, [
            [.integer(channel.id), .integer(1), nil], [.integer(channel.id), .integer(2), nil],
            [.integer(group.id), .integer(11), .integer(1)], [.integer(group.id), .integer(21), .integer(2)],
            [.integer(group.id), .integer(22), .integer(2)],
        ])
    }

    func testDesktopJSONNamesSendersRepliesAndBotsByUsername() throws {
        let store = try archive()
        var sink = StringExportSink()
        try store.export(.desktopJSON, filter: ExportFilter(channel: channel.id, commentsGroup: group.id), to: &sink,
                         timeZone: TimeZone(identifier: "UTC") ?? .current)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sink.text.utf8)) as? [String: Any])
        let messages = try XCTUnwrap(root["messages"] as? [[String: Any]])
        XCTAssertEqual(messages.count, 5)
        XCTAssertEqual(messages[0]["from_id"] as? String, "channel\(channel.id)")
        XCTAssertEqual(messages[2]["from"] as? String, "tgcron News", "a comment posted as the channel")
        XCTAssertEqual(messages[3]["from"] as? String, "Ann Lee")
        XCTAssertEqual(messages[3]["from_id"] as? String, "user501")
        XCTAssertEqual(messages[3]["reply_to_message_id"] as? Int, 20)
        XCTAssertEqual(messages[3]["comment_of"] as? Int, 2)
        XCTAssertEqual(messages[4]["via_bot"] as? String, "@helper_bot")
        XCTAssertNil(messages[4]["via_bot_id"], "Desktop writes via_bot alone when the username is known")
    }
}
