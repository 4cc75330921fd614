import Archive
import Client
import Foundation
import Harvester
import MTProto
import MTProtoNIO
import Sandbox
import SandboxTestSupport
import TL
import TestSupport
import XCTest

/// Private chats by invite link and forum supergroups, harvested over loopback MTProto from the built-in
/// world on the sandbox's simulated clock; calls are counted from the pipeline's audit.
final class InviteAndForumHarvestTests: XCTestCase {
    private static let privateHash = "SbxPrivateJoin01"
    private static let expiredHash = "SbxExpiredLink02"
    private static let approvalHash = "SbxApprovalLnk03"

    private var sandbox: LoopbackSandbox!
    private var connection: MTProtoConnection!
    private var directory: TemporaryDirectory!
    private var store: ArchiveStore!
    private var invoker: (any Invoker)!
    /// Shared by the runs of a test, as the archive's cache is by a job's runs.
    private let peers = InMemoryPeerCache()

    override func setUp() async throws {
        sandbox = try await LoopbackSandbox.start()
        connection = sandbox.connection()
        invoker = sandbox.invoker(over: connection)
        try await sandbox.logInAlice(invoker)
        directory = try TemporaryDirectory(prefix: "invites")
        store = try ArchiveStore(path: directory.archivePath)
    }

    override func tearDown() async throws {
        await connection?.close()
        await sandbox?.shutdown()
        directory?.remove()
    }

    private func run(_ channel: PeerReference, joinDelay: ClosedRange<TimeInterval> = 5...5) async -> HarvestStop {
        var harvest = ChannelHarvest(
            plan: HarvestPlan(job: "job", channel: channel, joinDelay: joinDelay), invoker: invoker,
            peerCache: peers, store: store, clock: sandbox.clock)
        return await harvest.run()
    }

    private func calls(_ method: String) async -> Int {
        await sandbox.audit.count(method)
    }

    private func liveIDs(_ channel: Int64) throws -> [Int] {
        try store.archivedIDs(channel: channel, in: 0...Int32.max).compactMap { id in
            guard let row = try store.message(channel: channel, id: id), row.deletedAt == nil, row.kind != .empty else { return nil }
            return Int(id)
        }
    }

    // MARK: Invite links

    func testAPrivateChannelIsJoinedOnceAfterAPauseThenReadByIdOnEveryLaterRun() async throws {
        let channel = try XCTUnwrap(sandbox.world.channel(username: "sandbox_private"))
        let before = sandbox.clock.now()

        let first = await run(.invite(Self.privateHash))
        let second = await run(.invite(Self.privateHash))

        XCTAssertEqual(first, .completed)
        XCTAssertEqual(second, .completed)
        XCTAssertEqual(try liveIDs(channel.id), sandbox.truthIDs("sandbox_private"))
        let importCalls = await calls("messages.importChatInvite")
        let checkCalls = await calls("messages.checkChatInvite")
        XCTAssertEqual(importCalls, 1, "joined once")
        XCTAssertEqual(checkCalls, 1, "the second run reads the remembered chat without checking the link")
        XCTAssertTrue(sandbox.clock.sleeps.contains(5), "the join waited its human-like pause: \(sandbox.clock.sleeps)")
        XCTAssertGreaterThanOrEqual(sandbox.clock.now() - before, 5)
        let remembered = try XCTUnwrap(store.joinedChannel(inviteHash: Self.privateHash))
        XCTAssertEqual(remembered, channel.id)
    }

    func testAPrivateChannelRefusesReadsUntilJoined() async throws {
        let channel = try XCTUnwrap(sandbox.world.channel(username: "sandbox_private"))
        let input = Api.InputPeer.inputPeerChannel(.init(channelId: channel.id, accessHash: channel.accessHash))

        do {
            _ = try await invoker.invoke(Api.Messages.GetHistory(
                peer: input, offsetId: 0, offsetDate: 0, addOffset: 0, limit: 10, maxId: 0, minId: 0, hash: 0))
            XCTFail("a non-member read the private channel")
        } catch ClientError.rpc(let error) {
            XCTAssertEqual(error.name, .channelPrivate)
        }
        do {
            _ = try await invoker.invoke(Api.Contacts.ResolveUsername(username: "sandbox_private"))
            XCTFail("the private channel's world name resolved")
        } catch ClientError.rpc(let error) {
            XCTAssertEqual(error.name, .usernameNotOccupied)
        }
    }

    func testAnExpiredOrUnknownLinkFailsTheRunWithoutJoining() async throws {
        let expired = await run(.invite(Self.expiredHash))
        let unknown = await run(.invite("NoSuchLinkHere99"))

        XCTAssertEqual(expired, .failed(InviteRefusal.expired.description))
        XCTAssertEqual(unknown, .failed(InviteRefusal.invalid.description))
        let importCalls = await calls("messages.importChatInvite")
        XCTAssertEqual(importCalls, 0)
    }

    func testAJoinRequestDefersRunsWithoutAskingAgainUntilAnAdminApprovesIt() async throws {
        let channel = try XCTUnwrap(sandbox.world.channel(username: "sandbox_private_approval"))

        let first = await run(.invite(Self.approvalHash))
        let second = await run(.invite(Self.approvalHash))
        sandbox.clock.advance(by: 6 * 3_600 + 60)
        let approved = await run(.invite(Self.approvalHash))

        XCTAssertEqual(first, .deferred(.joinRequestPending))
        XCTAssertEqual(second, .deferred(.joinRequestPending))
        XCTAssertEqual(approved, .completed)
        let importCalls = await calls("messages.importChatInvite")
        let checkCalls = await calls("messages.checkChatInvite")
        XCTAssertEqual(importCalls, 1, "one request, never repeated")
        XCTAssertEqual(checkCalls, 3)
        XCTAssertEqual(try liveIDs(channel.id), sandbox.truthIDs("sandbox_private_approval"))
    }

    func testALinkThatPreviewsIsReadWithoutJoiningAndCheckedAgainNextRun() async throws {
        let channel = try XCTUnwrap(sandbox.world.channel(username: "sandbox_private_peek"))

        let first = await run(.invite("SbxPeekPreview04"))
        sandbox.clock.advance(by: 3_600)
        let second = await run(.invite("SbxPeekPreview04"))

        XCTAssertEqual(first, .completed)
        XCTAssertEqual(second, .completed)
        XCTAssertEqual(try liveIDs(channel.id), sandbox.truthIDs("sandbox_private_peek"))
        let importCalls = await calls("messages.importChatInvite")
        let checkCalls = await calls("messages.checkChatInvite")
        XCTAssertEqual(importCalls, 0, "a preview is read, never joined")
        XCTAssertEqual(checkCalls, 2, "a preview ends, so every run checks the link")
        XCTAssertNil(try store.joinedChannel(inviteHash: "SbxPeekPreview04"))
    }

    func testTooManyChannelsFailsTheRunOnceWithAClearMessage() async throws {
        await sandbox.inject(InjectedFault(method: "messages.importChatInvite", error: RPCError(.channelsTooMuch)))

        let stop = await run(.invite(Self.privateHash))

        XCTAssertEqual(stop, .failed(InviteRefusal.tooManyChannels.description))
        let importCalls = await calls("messages.importChatInvite")
        XCTAssertEqual(importCalls, 1, "no retry")
        XCTAssertNil(try store.joinedChannel(inviteHash: Self.privateHash))
    }

    // MARK: Forums

    func testAForumsMessagesKeepTheirTopicsAndItsTopicsAreListedOncePerRun() async throws {
        let forum = try XCTUnwrap(sandbox.world.channel(username: "sandbox_forum"))

        let stop = await run(.username("sandbox_forum"))

        XCTAssertEqual(stop, .completed)
        let truth = sandbox.truth("sandbox_forum")
        XCTAssertEqual(try liveIDs(forum.id), truth.map(\.messageID))
        var inTopics = 0
        for message in truth {
            let row = try XCTUnwrap(store.message(channel: forum.id, id: Int32(message.messageID)))
            let topic = try XCTUnwrap(forum.topic(ofMessage: message.messageID))
            XCTAssertEqual(row.topicId, Int32(topic), "message \(message.messageID)")
            if topic != 1 { inTopics += 1 }
        }
        XCTAssertGreaterThan(inTopics, truth.count / 2, "most messages are in the five topics")
        let topics = try store.forumTopics(channel: forum.id)
        XCTAssertEqual(topics.map(\.topicId), [1] + forum.topicIDs.map(Int32.init))
        XCTAssertEqual(topics.map(\.title), ["General", "Announcements", "Help", "Off-topic", "Releases", "Showcase"])
        let topicCalls = await calls("messages.getForumTopics")
        XCTAssertEqual(topicCalls, 1)

        sandbox.clock.advance(by: 6 * 3_600)
        let later = await run(.username("sandbox_forum"))
        XCTAssertEqual(later, .completed)
        let laterTopicCalls = await calls("messages.getForumTopics")
        let resolveCalls = await calls("contacts.resolveUsername")
        XCTAssertEqual(laterTopicCalls, 2, "once per run, also when the peer comes from the cache")
        XCTAssertEqual(resolveCalls, 1)
        let newer = sandbox.truth("sandbox_forum").filter { $0.messageID > truth.last?.messageID ?? 0 }
        XCTAssertGreaterThan(newer.count, 10)
        for message in newer {
            let row = try XCTUnwrap(store.message(channel: forum.id, id: Int32(message.messageID)))
            XCTAssertEqual(row.topicId, forum.topic(ofMessage: message.messageID).map(Int32.init), "message \(message.messageID)")
        }
    }

    func testForumMembersPostAsThemselvesAndAsTheirChannelsWithUsersAndChatsInTheAnswer() async throws {
        let forum = try XCTUnwrap(sandbox.world.channel(username: "sandbox_forum"))
        let input = Api.InputPeer.inputPeerChannel(.init(channelId: forum.id, accessHash: forum.accessHash))

        let answer = try await invoker.invoke(Api.Messages.GetHistory(
            peer: input, offsetId: 0, offsetDate: 0, addOffset: 0, limit: 100, maxId: 0, minId: 0, hash: 0))

        guard case .channelMessages(let page) = answer else { return XCTFail("expected channelMessages") }
        var senders: [Api.Peer] = []
        for case .message(let message) in page.messages { senders += message.fromId.map { [$0] } ?? [] }
        let users = Set(senders.compactMap { peer -> Int64? in if case .peerUser(let user) = peer { user.userId } else { nil } })
        let channels = Set(senders.compactMap { peer -> Int64? in if case .peerChannel(let channel) = peer { channel.channelId } else { nil } })
        XCTAssertFalse(channels.isEmpty, "some members post as their channels")
        XCTAssertEqual(Set(page.users.map(\.userID)), users, "every sending user comes with the answer")
        let chatIDs = Set(page.chats.map(\.chatID))
        XCTAssertTrue(channels.isSubset(of: chatIDs), "every sending channel comes with the answer")
        guard case .channel(let chat)? = page.chats.first(where: { $0.chatID == forum.id }) else { return XCTFail("no forum chat") }
        XCTAssertTrue(chat.forum && chat.megagroup)
    }
}

private extension Api.User {
    var userID: Int64 {
        switch self {
        case .user(let user): user.id
        case .userEmpty(let empty): empty.id
        }
    }
}

private extension Api.Chat {
    var chatID: Int64 {
        switch self {
        case .channel(let channel): channel.id
        case .channelForbidden(let channel): channel.id
        case .chat(let chat): chat.id
        case .chatForbidden(let chat): chat.id
        case .chatEmpty(let chat): chat.id
        default: 0
        }
    }
}
