import Foundation
import MTProto
import TL
import XCTest
@testable import Sandbox

/// @sandbox_talk's discussion group: the timeline's invariants, and the group and its threads over the API.
final class DiscussionTests: XCTestCase {
    private let day: Int64 = 86_400

    private func talk() throws -> (World, SyntheticChannel, DiscussionGroup) {
        let world = World(spec: .builtIn)
        let channel = try XCTUnwrap(world.channel(username: "sandbox_talk"))
        return (world, channel, try XCTUnwrap(channel.discussion))
    }

    func testGroupIdsAreChronologicalAndEveryCommentHangsUnderACopyOfAnExistingPost() throws {
        let (world, channel, group) = try talk()
        let now = world.genesis + day
        let messages = channel.groupTruth(at: now)
        XCTAssertGreaterThan(messages.count, 1_000)
        var lastID: Int32 = 0, lastDate: Int32 = 0, copies = 0, comments = 0, nested = 0, fromChannel = 0
        for message in messages {
            guard case .message(let value) = message else { return XCTFail("service message in the group") }
            XCTAssertGreaterThan(value.id, lastID)
            XCTAssertGreaterThanOrEqual(value.date, lastDate)
            (lastID, lastDate) = (value.id, value.date)
            XCTAssertEqual(value.peerId, group.peer)
            if let forward = value.fwdFrom {
                copies += 1
                let post = try XCTUnwrap(forward.channelPost)
                XCTAssertEqual(forward.savedFromMsgId, post)
                XCTAssertEqual(value.fromId, channel.peer)
                // Copies stay when their post is deleted later; posts deleted before genesis have none.
                XCTAssertTrue(Int(post) <= channel.topID(at: now) && group.timeline.hasCopy(Int(post)), "copy \(value.id) of post \(post)")
                XCTAssertEqual(group.timeline.copyID(of: Int(post)), Int(value.id))
                continue
            }
            comments += 1
            guard case .messageReplyHeader(let header)? = value.replyTo, let top = header.replyToTopId,
                  let replyTo = header.replyToMsgId else { return XCTFail("comment \(value.id) without reply_to") }
            guard case .copy(let post) = group.timeline.slot(Int(top)) else { return XCTFail("top \(top) is no copy") }
            XCTAssertLessThanOrEqual(post, channel.topID(at: now))
            XCTAssertLessThan(replyTo, value.id)
            if replyTo != top { nested += 1 }
            if value.fromId == channel.peer { fromChannel += 1 }
        }
        XCTAssertEqual(copies, (1...channel.topID(at: now)).filter(group.timeline.hasCopy).count)
        XCTAssertGreaterThan(copies, channel.messageCount(at: now) - 5)
        XCTAssertGreaterThan(nested, comments / 10)
        XCTAssertGreaterThan(fromChannel, 0)
    }

    func testBlocksHoldTheirFixedTotalAndSomePostsDrawHundredsOfComments() throws {
        let (world, channel, group) = try talk()
        let timeline = group.timeline
        XCTAssertEqual(timeline.commentsPerBlock, 192)
        for index in 0..<4 {
            XCTAssertEqual(timeline.block(index).counts.reduce(0, +), timeline.commentsPerBlock)
        }
        let now = world.genesis
        let perPost = (1...channel.spec.size).map { channel.threadComments(of: $0, at: now).count }
        XCTAssertGreaterThanOrEqual(perPost.max() ?? 0, 100)
        XCTAssertGreaterThan(perPost.filter { $0 == 0 }.count, channel.spec.size / 3, "most posts get few or no comments")
        // Each existing comment is counted in exactly one thread.
        let existingComments = channel.groupTruth(at: now).filter {
            if case .message(let value) = $0 { return value.fwdFrom == nil }
            return false
        }.count
        XCTAssertEqual(perPost.reduce(0, +) + (channel.spec.size + 1..<channel.topID(at: now) + 1).map {
            channel.threadComments(of: $0, at: now).count
        }.reduce(0, +), existingComments)
    }

    func testCommentsAreDeletedBeforeGenesisAndDeletedOrEditedAfterIt() throws {
        let (world, channel, group) = try talk()
        let timeline = group.timeline
        let now = world.genesis + 7 * day
        let top = timeline.maxID(at: now)
        var gapsBefore = 0, deletedAfter = 0, edited = 0
        for id in 1...top {
            if case .comment = timeline.slot(id) {
                if id <= timeline.size && !timeline.exists(id, at: now) { gapsBefore += 1 }
                if let deleted = timeline.lateDeletion(id), deleted <= now {
                    deletedAfter += 1
                    XCTAssertNil(channel.groupMessage(id, at: now))
                }
                if timeline.editDate(id, at: now) != nil { edited += 1 }
            }
        }
        XCTAssertGreaterThan(gapsBefore, 0)
        XCTAssertGreaterThan(deletedAfter, 0)
        XCTAssertGreaterThan(edited, 0)
        XCTAssertEqual(channel.groupTruth(at: now).count, timeline.existingCount(through: top, at: now))
    }

    func testPostsCarryTheirCommentCounter() throws {
        let (world, channel, group) = try talk()
        let now = world.genesis + day
        var checked = 0
        for message in world.truth(channel: channel, at: Date(timeIntervalSince1970: TimeInterval(now))) {
            guard case .message(let value) = message, let replies = value.replies else { continue }
            let thread = channel.threadComments(of: Int(value.id), at: now)
            XCTAssertTrue(replies.comments)
            XCTAssertEqual(replies.channelId, group.id)
            XCTAssertEqual(Int(replies.replies), thread.count)
            XCTAssertEqual(replies.maxId.map(Int.init), thread.last)
            checked += 1
        }
        XCTAssertEqual(checked, channel.messageCount(at: now))
    }

    func testTheGroupOverTheAPI() throws {
        var harness = SandboxHarness(offset: TimeInterval(day))
        try harness.logIn()
        let (world, channel, group) = try talk()
        let now = world.genesis + day
        let resolved = try harness.value(Api.Contacts.ResolveUsername(username: "sandbox_talk_chat"))
        XCTAssertEqual(resolved.peer, group.peer)
        guard case .channel(let chat)? = resolved.chats.first else { return XCTFail("no group chat") }
        XCTAssertTrue(chat.megagroup)
        let groupInput = Api.InputChannel.inputChannel(.init(channelId: group.id, accessHash: group.accessHash))
        let groupPeer = Api.InputPeer.inputPeerChannel(.init(channelId: group.id, accessHash: group.accessHash))
        guard case .channelFull(let groupFull) = try harness.value(Api.Channels.GetFullChannel(channel: groupInput)).fullChat,
              case .channelFull(let channelFull) = try harness.value(Api.Channels.GetFullChannel(channel: harness.input("sandbox_talk"))).fullChat
        else { return XCTFail("no channelFull") }
        XCTAssertEqual(groupFull.linkedChatId, channel.id)
        XCTAssertEqual(channelFull.linkedChatId, group.id)

        // The whole group through getHistory equals the truth.
        var seen: [Int] = [], offset = 0
        repeat {
            guard case .channelMessages(let page) = try harness.value(Api.Messages.GetHistory(
                peer: groupPeer, offsetId: Int32(offset), offsetDate: 0, addOffset: 0, limit: 100, maxId: 0, minId: 0, hash: 0))
            else { return XCTFail("no page") }
            let ids = page.messages.map(\.sandboxID)
            for case .message(let value) in page.messages {
                if case .peerUser(let user)? = value.fromId {
                    XCTAssertTrue(page.users.contains { if case .user(let u) = $0 { return u.id == user.userId } else { return false } })
                }
            }
            seen += ids
            offset = ids.last ?? 0
            if ids.isEmpty { break }
        } while true
        XCTAssertEqual(seen.reversed(), channel.groupTruth(at: now).map(\.sandboxID))

        // A busy thread through getReplies, 100 at a time, newest first.
        let busiest = try XCTUnwrap((1...channel.spec.size).map { ($0, channel.threadComments(of: $0, at: now).count) }
            .max { $0.1 < $1.1 }?.0)
        var thread: [Int] = [], replyOffset = 0
        repeat {
            guard case .channelMessages(let page) = try harness.value(Api.Messages.GetReplies(
                peer: harness.peer("sandbox_talk"), msgId: Int32(busiest), offsetId: Int32(replyOffset), offsetDate: 0,
                addOffset: 0, limit: 100, maxId: 0, minId: 0, hash: 0)) else { return XCTFail("no replies page") }
            XCTAssertEqual(Int(page.count), channel.threadComments(of: busiest, at: now).count)
            let ids = page.messages.map(\.sandboxID)
            thread += ids
            replyOffset = ids.last ?? 0
            if ids.isEmpty { break }
        } while true
        XCTAssertGreaterThanOrEqual(thread.count, 100)
        XCTAssertEqual(thread.reversed(), channel.threadComments(of: busiest, at: now))

        let discussion = try harness.value(Api.Messages.GetDiscussionMessage(peer: harness.peer("sandbox_talk"), msgId: Int32(busiest)))
        XCTAssertEqual(discussion.messages.map(\.sandboxID), [group.timeline.copyID(of: busiest)].compactMap { $0 })
        XCTAssertEqual(discussion.maxId.map(Int.init), thread.first)
    }

    func testTheGroupsDifferenceCarriesNewCommentsEditsAndDeletions() throws {
        var harness = SandboxHarness(offset: TimeInterval(2 * day))
        try harness.logIn()
        let (world, channel, group) = try talk()
        let now = world.genesis + 2 * day
        let events = channel.groupEvents(through: now)
        XCTAssertTrue(events.contains { $0.change == .posted } && events.contains { $0.change == .edited }
            && events.contains { $0.change == .deleted })
        let input = Api.InputChannel.inputChannel(.init(channelId: group.id, accessHash: group.accessHash))
        var pts = group.timeline.size, posted: [Int] = [], deleted: [Int] = []
        while true {
            let answer = try harness.value(Api.Updates.GetChannelDifference(
                channel: input, filter: .channelMessagesFilterEmpty, pts: Int32(pts), limit: 100))
            guard case .channelDifference(let difference) = answer else { break }
            posted += difference.newMessages.map(\.sandboxID)
            for case .updateDeleteChannelMessages(let update) in difference.otherUpdates { deleted += update.messages.map(Int.init) }
            for case .message(let value) in difference.newMessages {
                if case .peerUser(let user)? = value.fromId {
                    XCTAssertTrue(difference.users.contains { if case .user(let u) = $0 { return u.id == user.userId } else { return false } })
                }
            }
            pts = Int(difference.pts)
        }
        XCTAssertEqual(pts, group.timeline.size + events.count)
        XCTAssertEqual(Set(deleted), Set(events.filter { $0.change == .deleted }.map(\.id)))
        XCTAssertEqual(posted, events.filter { $0.change == .posted && !deleted.contains($0.id) }.map(\.id))
    }

    func testWorldFilesDescribeDiscussionGroupsAndRefuseClashingNames() throws {
        let spec = try WorldSpec.load("""
            seed: 1
            genesis: 2026-01-01T00:00:00Z
            channels: [{username: a, size: 40, discussion: {username: a_chat, commentsPerPost: 2}}]
            accounts: []
            """)
        let discussion = try XCTUnwrap(spec.channels.first?.discussion)
        XCTAssertEqual(discussion, DiscussionSpec(username: "a_chat", title: "a_chat", commentsPerPost: 2))
        XCTAssertThrowsError(try WorldSpec.load("""
            seed: 1
            genesis: 2026-01-01T00:00:00Z
            channels: [{username: a, size: 1, discussion: {username: B}}, {username: b, size: 2}]
            accounts: []
            """)) { XCTAssertEqual($0 as? WorldSpecError, .duplicateUsername("b")) }
        XCTAssertThrowsError(try WorldSpec.load("""
            seed: 1
            genesis: 2026-01-01T00:00:00Z
            channels: [{username: a, size: 1, discussion: {username: a_chat, edited: 2}}]
            accounts: []
            """)) { XCTAssertEqual($0 as? WorldSpecError, .invalidChannel("a", "discussion.edited must be between 0 and 1")) }
    }

    func testThreadPagesHaveTheirOwnFloodBudget() throws {
        var harness = SandboxHarness(flood: .telegramLike, offset: TimeInterval(day))
        try harness.logIn()
        let request = try Api.Messages.GetReplies(
            peer: harness.peer("sandbox_talk"), msgId: 3, offsetId: 0, offsetDate: 0, addOffset: 0, limit: 10, maxId: 0,
            minId: 0, hash: 0)
        for _ in 0..<30 { _ = try harness.value(request) }
        let refused = try XCTUnwrap(try harness.error(request))
        XCTAssertEqual(refused.code, 420)
        XCTAssertEqual(refused.message, "FLOOD_WAIT_30")
    }
}
