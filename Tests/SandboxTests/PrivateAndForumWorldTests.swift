import Foundation
import TL
import XCTest
@testable import Sandbox

/// The built-in world's private channels and forum, and what adding them left alone.
final class PrivateAndForumWorldTests: XCTestCase {
    /// The channels the world had before the private ones and the forum were appended.
    private static let earlier = ["sandbox_news", "sandbox_big", "sandbox_interop", "sandbox_media", "sandbox_talk"]

    func testAppendingTheNewChannelsLeavesEveryEarlierChannelAndItsGroupByteForByte() throws {
        var before = WorldSpec.builtIn
        before.channels = before.channels.filter { Self.earlier.contains($0.username) }
        XCTAssertEqual(before.channels.count, Self.earlier.count)
        let old = World(spec: before), new = World(spec: .builtIn)
        let moment = Int64(WorldSpec.builtIn.genesis.timeIntervalSince1970) + 3 * 86_400
        for name in Self.earlier {
            let was = try XCTUnwrap(old.channel(username: name)), now = try XCTUnwrap(new.channel(username: name))
            XCTAssertEqual(now.id, was.id, name)
            XCTAssertEqual(now.topID(at: moment), was.topID(at: moment), name)
            // The newest 300 ids of each: forwards name their source, media their file ids, posts their comments.
            let top = now.topID(at: moment)
            for id in max(1, top - 300)...top {
                XCTAssertEqual(now.message(id, at: moment)?.serialized(), was.message(id, at: moment)?.serialized(), "\(name) \(id)")
            }
            XCTAssertEqual(now.groupTruth(at: moment).map { $0.serialized() }, was.groupTruth(at: moment).map { $0.serialized() }, name)
            XCTAssertEqual(now.chat.serialized(), was.chat.serialized(), name)
        }
    }

    func testPrivateChannelsHaveNoUsernameAndAreFoundByTheirLinksHash() throws {
        let world = World(spec: .builtIn)
        for (hash, name) in [("SbxPrivateJoin01", "sandbox_private"), ("SbxExpiredLink02", "sandbox_private_expired"),
                             ("SbxApprovalLnk03", "sandbox_private_approval"), ("SbxPeekPreview04", "sandbox_private_peek")] {
            let channel = try XCTUnwrap(world.channel(inviteHash: hash), hash)
            XCTAssertEqual(channel.spec.username, name)
            guard case .channel(let chat) = world.chat(channel, at: world.spec.genesis.timeIntervalSince1970) else {
                return XCTFail("\(name) is no channel")
            }
            XCTAssertNil(chat.username, name)
            XCTAssertNil(world.channel(resolving: name, at: world.spec.genesis.timeIntervalSince1970), name)
        }
        XCTAssertNil(world.channel(inviteHash: "sbxprivatejoin01"), "hashes are case-sensitive")
    }

    func testForumTopicsOpenWithTheirCreationMessageAndRepliesStayInTheirTopic() throws {
        let world = World(spec: .builtIn)
        let forum = try XCTUnwrap(world.channel(username: "sandbox_forum"))
        let now = Int64(world.spec.genesis.timeIntervalSince1970) + 86_400
        XCTAssertEqual(forum.topicIDs.count, 5)
        for topic in forum.topicIDs {
            guard case .messageService(let service)? = forum.message(topic, at: now),
                  case .messageActionTopicCreate(let action) = service.action else { return XCTFail("topic \(topic)") }
            XCTAssertEqual(action.title, forum.topicTitle(topic))
        }
        var replies = 0
        for message in world.truth(channel: forum, at: Date(timeIntervalSince1970: Double(now))) {
            guard case .message(let value) = message, let topic = forum.topic(ofMessage: Int(value.id)) else { continue }
            guard case .messageReplyHeader(let header)? = value.replyTo else {
                XCTAssertEqual(topic, 1, "a message without reply_to is in General: \(value.id)")
                continue
            }
            if topic == 1 {
                XCTAssertFalse(header.forumTopic, "General never sets forum_topic: \(value.id)")
            } else {
                XCTAssertTrue(header.forumTopic)
                XCTAssertEqual(Int(header.replyToTopId ?? header.replyToMsgId ?? 0), topic, "\(value.id)")
            }
            if let target = header.replyToMsgId, target != topic {
                XCTAssertEqual(forum.topic(ofMessage: Int(target)), topic, "a reply stays in its topic: \(value.id)")
                replies += 1
            }
        }
        XCTAssertGreaterThan(replies, 50)
    }

    func testAWorldFileNamesPrivateChannelsAndForumsAndRefusesDuplicateHashes() throws {
        let spec = try WorldSpec.load("""
            seed: 1
            genesis: 2026-01-01T00:00:00Z
            channels:
              - { username: hidden_one, size: 20, invite: { hash: AbCdEfGh12, requestNeeded: true } }
              - { username: forum_one, size: 40, forum: { topics: [A, B] } }
            accounts: []
            """)
        XCTAssertEqual(spec.channels[0].invite, InviteSpec(hash: "AbCdEfGh12", requestNeeded: true))
        XCTAssertEqual(spec.channels[1].forum?.topics, ["A", "B"])
        XCTAssertThrowsError(try WorldSpec.load("""
            seed: 1
            genesis: 2026-01-01T00:00:00Z
            channels:
              - { username: hidden_one, size: 20, invite: { hash: AbCdEfGh12 } }
              - { username: hidden_two, size: 20, invite: { hash: AbCdEfGh12 } }
            accounts: []
            """))
    }
}
