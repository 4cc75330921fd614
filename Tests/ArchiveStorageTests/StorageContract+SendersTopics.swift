import Archive
import Foundation
import TL
import XCTest

/// The storage suite's cases for what pages carry besides messages (migrations `v7-senders-comments` and
/// `v8-joins-topics`): senders, comments linked to their posts, topics, invite links.
extension StorageContract {
    static let group = ChannelInfo(id: 3_003, accessHash: 9, username: "seam_chat", title: "Seam Chat")
    static let forum = ChannelInfo(id: 4_004, accessHash: 7, username: "seam_forum", title: "Seam Forum", forum: true)

    static func user(_ id: Int64, first: String, last: String? = nil, username: String? = nil, bot: Bool = false,
                     min: Bool = false) -> Api.User {
        .user(.init(bot: bot, min: min, id: id, accessHash: 1, firstName: first, lastName: last, username: username))
    }

    /// A message of `group`: a post's copy (`copyOf`), or a comment answering `replyTo` in the thread of `top`.
    static func groupMessage(_ id: Int32, replyTo: Int32? = nil, top: Int32? = nil, copyOf post: Int32? = nil) -> TLReceived<Api.Message> {
        TLReceived(serializing: .message(.init(
            id: id, fromId: .peerUser(.init(userId: 501)), peerId: .peerChannel(.init(channelId: group.id)),
            fwdFrom: post.map { Api.MessageFwdHeader(fromId: .peerChannel(.init(channelId: channel.id)), date: 1_714_564_800,
                                                      channelPost: $0, savedFromPeer: .peerChannel(.init(channelId: channel.id)),
                                                      savedFromMsgId: $0) },
            replyTo: replyTo.map { .messageReplyHeader(.init(replyToMsgId: $0, replyToTopId: top)) },
            date: 1_714_564_800 + id, message: "group \(id)")))
    }

    @discardableResult
    func commitGroup(_ messages: [TLReceived<Api.Message>], head: Int32, users: [Api.User] = [],
                     chats: [Api.Chat] = []) throws -> PageCommitResult {
        try store.commitPage(channel: Self.group, job: Self.job, messages: messages, checkpoint: Checkpoint(head: head),
                             now: Self.now, media: [], peers: PagePeers(users: users, chats: chats, discussionOf: Self.channel.id))
    }

    func usersAreStoredFromPagesAndMinCopiesNeverOverwrite() throws {
        try store.commitPage(channel: Self.channel, job: Self.job, messages: [Self.post(1)], checkpoint: Checkpoint(head: 1),
                             now: Self.now, media: [], peers: PagePeers(
                                users: [Self.user(501, first: "Ann", last: "Lee", username: "ann"),
                                        Self.user(900, first: "Helper", username: "helper_bot", bot: true)],
                                chats: [.channel(.init(id: Self.channel.id, title: "Seam News", photo: .chatPhotoEmpty, date: 1))]))
        let later = Self.now.addingTimeInterval(60)
        try store.commitPage(channel: Self.channel, job: Self.job, messages: [Self.post(2)], checkpoint: Checkpoint(head: 2),
                             now: later, media: [], peers: PagePeers(
                                users: [Self.user(501, first: "A", min: true), Self.user(502, first: "Bob", min: true),
                                        Self.user(900, first: "Helper", last: "Bot", username: "helper_bot", bot: true)]))
        let users = try store.users()
        XCTAssertEqual(users[501]?.displayName, "Ann Lee", "a min copy never overwrites a full one")
        XCTAssertEqual(users[501]?.username, "ann")
        XCTAssertEqual(users[501]?.lastSeen, Self.now)
        XCTAssertEqual(users[502]?.firstName, "Bob", "a min copy adds an id not seen before")
        XCTAssertEqual(users[900]?.displayName, "Helper Bot", "a full copy overwrites")
        XCTAssertEqual(users[900]?.bot, true)
        XCTAssertEqual(users[900]?.lastSeen, later)
        XCTAssertEqual(users[-1_000_000_002_002]?.kind, "channel")
        XCTAssertEqual(users[-1_000_000_002_002]?.title, "Seam News")
        XCTAssertEqual(users.count, 4)
    }

    func usersRollBackWithARejectedPage() throws {
        XCTAssertThrowsError(try store.commitPage(
            channel: Self.channel, job: Self.job, messages: [Self.post(1)], checkpoint: Checkpoint(head: 9), now: Self.now,
            media: [], peers: PagePeers(users: [Self.user(501, first: "Ann")])))
        XCTAssertEqual(try store.users().count, 0)
    }

    func commentLinksAreFilledWhicheverOrderPagesArrive() throws {
        try commit([Self.post(1), Self.post(2)], head: 2, tail: 1)
        XCTAssertNil(try store.discussionGroup(of: Self.channel.id))
        // A comment before its post's copy; then the copies; then a comment after its copy.
        try commitGroup([Self.groupMessage(22, replyTo: 21, top: 20), Self.groupMessage(21, replyTo: 20, top: 20)], head: 22)
        XCTAssertEqual(try store.message(channel: Self.group.id, id: 21)?.threadId, 20)
        XCTAssertNil(try store.message(channel: Self.group.id, id: 21)?.commentOf, "its post is not known yet")
        try commitGroup([Self.groupMessage(20, copyOf: 2), Self.groupMessage(10, copyOf: 1)], head: 22)
        try commitGroup([Self.groupMessage(11, replyTo: 10)], head: 22)
        let links = try [10, 11, 20, 21, 22].map { try XCTUnwrap(try store.message(channel: Self.group.id, id: $0)) }
            .map { [$0.threadId.map(Int.init), $0.commentOf.map(Int.init)] }
        XCTAssertEqual(links, [[nil, 1], [10, 1], [nil, 2], [20, 2], [20, 2]])
        XCTAssertEqual(try store.discussionGroup(of: Self.channel.id), Self.group.id)
        // A copy committed again (its counters changed) keeps its link and its comments theirs.
        try commitGroup([Self.groupMessage(20, copyOf: 2)], head: 22)
        XCTAssertEqual(try store.message(channel: Self.group.id, id: 21)?.commentOf, 2)
    }

    func topicIDIsStoredForForumMessages() throws {
        let messages: [Api.Message] = [
            .message(.init(id: 1, peerId: .peerChannel(.init(channelId: Self.forum.id)), date: 1, message: "general")),
            .messageService(.init(id: 2, peerId: .peerChannel(.init(channelId: Self.forum.id)), date: 2,
                                  action: .messageActionTopicCreate(.init(title: "Help", iconColor: 0)))),
            .message(.init(id: 3, peerId: .peerChannel(.init(channelId: Self.forum.id)),
                           replyTo: .messageReplyHeader(.init(forumTopic: true, replyToMsgId: 2)), date: 3, message: "in 2")),
            .message(.init(id: 4, peerId: .peerChannel(.init(channelId: Self.forum.id)),
                           replyTo: .messageReplyHeader(.init(forumTopic: true, replyToMsgId: 3, replyToTopId: 2)), date: 4,
                           message: "reply in 2")),
        ]
        let page = messages.map(TLReceived.init(serializing:))
        try store.commitPage(channel: Self.forum, job: "forum", messages: page, checkpoint: Checkpoint(head: 4, tail: 1),
                             now: Self.now, media: [], peers: PagePeers())
        try commit([Self.post(1)], head: 1)
        XCTAssertEqual(try (1...4).map { try store.message(channel: Self.forum.id, id: Int32($0))?.topicId }, [1, 2, 2, 2])
        XCTAssertNil(try store.message(channel: Self.channel.id, id: 1)?.topicId, "no topic outside forums")
        // An edit moving a message to another topic is stored.
        let moved = TLReceived<Api.Message>(serializing: .message(.init(
            id: 3, peerId: .peerChannel(.init(channelId: Self.forum.id)), date: 3, message: "in general now")))
        try store.commitPage(channel: Self.forum, job: "forum", messages: [moved], checkpoint: Checkpoint(head: 4, tail: 1),
                             now: Self.now, media: [], peers: PagePeers())
        XCTAssertEqual(try store.message(channel: Self.forum.id, id: 3)?.topicId, 1)
    }

    func forumTopicsAreUpsertedAndADeletedOneKeepsItsTitle() throws {
        XCTAssertFalse(try store.isForum(Self.forum.id))
        try store.saveForumTopics([
            ForumTopicRecord(channelId: 0, topicId: 1, title: "General", hidden: true, updatedAt: Self.now),
            ForumTopicRecord(channelId: 0, topicId: 2, title: "Help", date: 1_714_564_800, updatedAt: Self.now),
        ], channel: Self.forum.id, now: Self.now)
        let later = Self.now.addingTimeInterval(60)
        try store.saveForumTopics([
            ForumTopicRecord(channelId: 0, topicId: 2, title: "", deleted: true, updatedAt: later),
            ForumTopicRecord(channelId: 0, topicId: 5, title: "News", closed: true, updatedAt: later),
        ], channel: Self.forum.id, now: later)
        XCTAssertEqual(try store.forumTopics(channel: Self.forum.id), [
            ForumTopicRecord(channelId: Self.forum.id, topicId: 1, title: "General", hidden: true, updatedAt: Self.now),
            ForumTopicRecord(channelId: Self.forum.id, topicId: 2, title: "Help", date: 1_714_564_800, deleted: true, updatedAt: later),
            ForumTopicRecord(channelId: Self.forum.id, topicId: 5, title: "News", closed: true, updatedAt: later),
        ])
        XCTAssertTrue(try store.isForum(Self.forum.id))
        XCTAssertFalse(try store.isForum(Self.channel.id))
        XCTAssertEqual(try store.forumTopics(channel: Self.channel.id), [])
    }

    func inviteLinksAreRemembered() throws {
        XCTAssertNil(try store.inviteLink(digest: "d1"))
        let requested = InviteLinkRecord(linkDigest: "d1", state: .requested, title: "Private", requestedAt: Self.now,
                                         updatedAt: Self.now)
        try store.saveInviteLink(requested)
        XCTAssertEqual(try store.inviteLink(digest: "d1"), requested)
        let later = Self.now.addingTimeInterval(300)
        let joined = InviteLinkRecord(linkDigest: "d1", state: .joined, channelId: 5_005, accessHash: -12, title: "Private",
                                      requestedAt: Self.now, joinedAt: later, updatedAt: later)
        try store.saveInviteLink(joined)
        XCTAssertEqual(try store.inviteLink(digest: "d1"), joined)
        XCTAssertNil(try store.inviteLink(digest: "d2"))
    }
}
