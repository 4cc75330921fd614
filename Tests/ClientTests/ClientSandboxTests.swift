import SandboxTestSupport
import Client
import MTProto
import MTProtoNIO
import Sandbox
import TL
import XCTest

/// The client over loopback MTProto against the sandbox: pipeline, peers and history end to end.
final class ClientSandboxTests: XCTestCase {
    private var sandbox: LoopbackSandbox!
    private var connection: MTProtoConnection!

    override func tearDown() async throws {
        await connection?.close()
        await sandbox?.shutdown()
    }

    /// Starts the sandbox, connects and logs Alice in; returns the pipeline.
    private func loggedIn(flood: FloodPolicy = .off, faults: [InjectedFault] = []) async throws -> any Invoker {
        sandbox = try await LoopbackSandbox.start(flood: flood, faults: faults)
        connection = sandbox.connection()
        let invoker = sandbox.invoker(over: connection)
        try await sandbox.logInAlice(invoker)
        return invoker
    }

    private func ids(_ invoker: any Invoker, _ request: HistoryRequest) async throws -> [Int] {
        var ids: [Int] = []
        for try await page in HistoryPages(invoker: invoker, request: request) {
            ids += page.messages.map(\.messageID)
        }
        return ids
    }

    // MARK: Pipeline

    func testCallsBeforeLoginAreLoginRequired() async throws {
        sandbox = try await LoopbackSandbox.start()
        connection = sandbox.connection()
        let invoker = sandbox.invoker(over: connection)

        await XCTAssertThrowsClientError(try await invoker.invoke(Api.Contacts.ResolveUsername(username: "sandbox_news")), .loginRequired)
    }

    func testFloodWaitBelowTheLimitIsSleptOnTheSimulatedClockAndTheCallSucceeds() async throws {
        let invoker = try await loggedIn(flood: FloodPolicy(rules: ["messages.getHistory": FloodRule(limit: 2, window: 60)]))
        let peer = try await PeerResolver(invoker: invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))

        let ids = try await ids(invoker, HistoryRequest(peer: peer.inputPeer, direction: .newestFirst))

        XCTAssertEqual(ids, sandbox.truthIDs("sandbox_news").reversed())
        XCTAssertFalse(sandbox.clock.sleeps.isEmpty)
        XCTAssertTrue(sandbox.clock.sleeps.allSatisfy { $0 > 0 && $0 <= 60 }, "\(sandbox.clock.sleeps)")
        let waits = await sandbox.floodObserver.waits
        XCTAssertEqual(Set(waits.map(\.method)), ["messages.getHistory"])
    }

    func testFloodWaitAboveTheLimitIsDeferredWithoutSleeping() async throws {
        let invoker = try await loggedIn(flood: FloodPolicy(rules: ["contacts.resolveUsername": FloodRule(limit: 1, window: 3_600)]))
        let resolver = PeerResolver(invoker: invoker, cache: InMemoryPeerCache())
        _ = try await resolver.resolve(.username("sandbox_news"))

        do {
            _ = try await resolver.resolve(.username("sandbox_big"))
            XCTFail("resolved despite the flood budget")
        } catch ClientError.floodDeferred(let seconds, let method) {
            XCTAssertGreaterThan(seconds, 300)
            XCTAssertEqual(method, "contacts.resolveUsername")
        }
        XCTAssertEqual(sandbox.clock.sleeps, [])
    }

    func testInjectedPremiumFloodWaitIsSleptAndAudited() async throws {
        let invoker = try await loggedIn(faults: [.floodPremiumWait(7, method: "contacts.resolveUsername")])

        _ = try await PeerResolver(invoker: invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))

        XCTAssertEqual(sandbox.clock.sleeps, [7])
        let records = await sandbox.audit.records.filter { $0.method == "contacts.resolveUsername" }
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(records.first?.duration, 7)
        XCTAssertNil(records.first?.error)
    }

    // MARK: Peers

    func testCachedPeerIsNeverResolvedAgain() async throws {
        let invoker = try await loggedIn()
        let resolver = PeerResolver(invoker: invoker, cache: InMemoryPeerCache())

        let first = try await resolver.resolve(.username("sandbox_news"))
        let before = await sandbox.audit.count("contacts.resolveUsername")
        let second = try await resolver.resolve(.username("Sandbox_News"))
        let byID = try await resolver.resolve(.channelID(first.id))
        let after = await sandbox.audit.count("contacts.resolveUsername")

        XCTAssertEqual(before, 1)
        XCTAssertEqual(after - before, 0)
        XCTAssertEqual(second, first)
        XCTAssertEqual(byID, first)
        XCTAssertEqual(first.username, "sandbox_news")
        XCTAssertEqual(first.id, sandbox.world.channel(username: "sandbox_news")?.id)
    }

    func testRefreshFetchesThePeerAgainWithGetChannelsAndCachesIt() async throws {
        let invoker = try await loggedIn()
        let cache = InMemoryPeerCache()
        let resolver = PeerResolver(invoker: invoker, cache: cache)
        let peer = try await resolver.resolve(.username("sandbox_news"))

        let fresh = try await resolver.refresh(peer, reference: .username("sandbox_news"))
        let page = try await invoker.invoke(Api.Messages.GetHistory(
            peer: fresh.inputPeer, offsetId: 0, offsetDate: 0, addOffset: 0, limit: 1, maxId: 0, minId: 0, hash: 0))

        XCTAssertEqual(fresh, peer)
        XCTAssertEqual(page.messageList.count, 1)
        let cached = await cache.peer(id: peer.id)
        XCTAssertEqual(cached, fresh)
        let methods = await sandbox.audit.records.map(\.method).filter { $0 != "auth.sendCode" && $0 != "auth.signIn" }
        XCTAssertEqual(methods, ["contacts.resolveUsername", "channels.getChannels", "messages.getHistory"])
    }

    func testAccessHashRefusedEvenByGetChannelsIsRecoveredByResolvingTheUsernameAgain() async throws {
        let invoker = try await loggedIn()
        let cache = InMemoryPeerCache()
        let channel = try XCTUnwrap(sandbox.world.channel(username: "sandbox_news"))
        await cache.store(ResolvedPeer(id: channel.id, accessHash: 12345, title: "old", username: "sandbox_news"), alias: nil)
        let resolver = PeerResolver(invoker: invoker, cache: cache)
        let stale = try await resolver.resolve(.username("sandbox_news"))
        let history = { (peer: ResolvedPeer) in
            try await invoker.invoke(Api.Messages.GetHistory(
                peer: peer.inputPeer, offsetId: 0, offsetDate: 0, addOffset: 0, limit: 1, maxId: 0, minId: 0, hash: 0))
        }
        await XCTAssertThrowsClientError(try await history(stale), .rpc(RPCError(code: 400, message: "CHANNEL_INVALID")))

        let page = try await history(try await resolver.refresh(stale, reference: .username("sandbox_news")))

        XCTAssertEqual(page.messageList.count, 1)
        let cached = await cache.peer(id: channel.id)
        XCTAssertEqual(cached?.accessHash, channel.accessHash)
        let getChannels = await sandbox.audit.count("channels.getChannels")
        let resolutions = await sandbox.audit.count("contacts.resolveUsername")
        XCTAssertEqual(getChannels, 1)
        XCTAssertEqual(resolutions, 1)
    }

    func testUnknownUsernameIsPeerUnavailable() async throws {
        let invoker = try await loggedIn()
        await XCTAssertThrowsClientError(
            try await PeerResolver(invoker: invoker, cache: InMemoryPeerCache()).resolve(.username("nobody_here")),
            .peerUnavailable("@nobody_here"))
    }

    // MARK: History

    func testFullHistoryNewestFirstEqualsTheTruth() async throws {
        let invoker = try await loggedIn()
        let peer = try await PeerResolver(invoker: invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))

        let ids = try await ids(invoker, HistoryRequest(peer: peer.inputPeer, direction: .newestFirst))

        let truth = sandbox.truthIDs("sandbox_news")
        XCTAssertGreaterThan(truth.count, 200)
        XCTAssertLessThan(truth.count, truth.last ?? 0, "the channel should have gaps")
        XCTAssertEqual(ids, truth.reversed())
    }

    func testFullHistoryOldestFirstEqualsTheTruth() async throws {
        let invoker = try await loggedIn()
        let peer = try await PeerResolver(invoker: invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))

        let ids = try await ids(invoker, HistoryRequest(peer: peer.inputPeer, direction: .oldestFirst))

        XCTAssertEqual(ids, sandbox.truthIDs("sandbox_news"))
    }

    func testBoundedWindowsEqualTheTruthSubsetInBothDirections() async throws {
        let invoker = try await loggedIn()
        let peer = try await PeerResolver(invoker: invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))
        let truth = sandbox.truthIDs("sandbox_news")
        let minID = truth[37], maxID = truth[251]
        let expected = truth.filter { $0 > minID && $0 < maxID }

        let newest = try await ids(invoker, HistoryRequest(peer: peer.inputPeer, direction: .newestFirst, minID: minID, maxID: maxID))
        let oldest = try await ids(invoker, HistoryRequest(peer: peer.inputPeer, direction: .oldestFirst, minID: minID, maxID: maxID))

        XCTAssertEqual(newest, expected.reversed())
        XCTAssertEqual(oldest, expected)
    }

    func testSmallPagesReadTheSameHistoryInBothDirections() async throws {
        let invoker = try await loggedIn()
        let peer = try await PeerResolver(invoker: invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))
        let truth = sandbox.truthIDs("sandbox_news")

        let newest = try await ids(invoker, HistoryRequest(peer: peer.inputPeer, direction: .newestFirst, pageSize: 7))
        let oldest = try await ids(invoker, HistoryRequest(peer: peer.inputPeer, direction: .oldestFirst, pageSize: 7))

        XCTAssertEqual(newest, truth.reversed())
        XCTAssertEqual(oldest, truth)
    }

    func testDateWindowsEqualTheTruthSubsetInBothDirections() async throws {
        let invoker = try await loggedIn()
        let peer = try await PeerResolver(invoker: invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))
        let truth = sandbox.truth("sandbox_news")
        let minDate = try XCTUnwrap(truth[60].unixDate), maxDate = try XCTUnwrap(truth[230].unixDate)
        let expected = truth.filter { ($0.unixDate ?? 0) >= minDate && ($0.unixDate ?? 0) < maxDate }.map(\.messageID)

        let newest = try await ids(invoker, HistoryRequest(peer: peer.inputPeer, direction: .newestFirst, minDate: minDate, maxDate: maxDate))
        let oldest = try await ids(invoker, HistoryRequest(peer: peer.inputPeer, direction: .oldestFirst, minDate: minDate, maxDate: maxDate))

        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(newest, expected.reversed())
        XCTAssertEqual(oldest, expected)
    }
}
