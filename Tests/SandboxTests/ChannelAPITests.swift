import Foundation
import MTProto
import TL
import XCTest
@testable import Sandbox

/// Resolution, access hashes, wrappers, unknown methods and takeout.
final class ChannelAPITests: XCTestCase {
    func testResolveUsernameAnswersTheChannel() throws {
        var harness = SandboxHarness()
        try harness.logIn()
        let resolved = try harness.value(Api.Contacts.ResolveUsername(username: "Sandbox_News"))
        guard case .channel(let channel)? = resolved.chats.first else { return XCTFail("no channel") }
        XCTAssertEqual(channel.username, "sandbox_news")
        XCTAssertEqual(resolved.peer, .peerChannel(.init(channelId: channel.id)))
    }

    func testUnknownUsernameIsNotOccupied() throws {
        var harness = SandboxHarness()
        try harness.logIn()
        XCTAssertEqual(try harness.error(Api.Contacts.ResolveUsername(username: "nobody_here"))?.message, "USERNAME_NOT_OCCUPIED")
    }

    func testWrongAccessHashIsChannelInvalid() throws {
        var harness = SandboxHarness()
        try harness.logIn()
        guard case .inputChannel(let good) = try harness.input("sandbox_news") else { return XCTFail() }
        let bad = Api.InputChannel.inputChannel(.init(channelId: good.channelId, accessHash: good.accessHash &+ 1))
        XCTAssertEqual(try harness.error(Api.Channels.GetFullChannel(channel: bad))?.message, "CHANNEL_INVALID")
        let history = Api.Messages.GetHistory(
            peer: .inputPeerChannel(.init(channelId: good.channelId, accessHash: 1)), offsetId: 0, offsetDate: 0,
            addOffset: 0, limit: 10, maxId: 0, minId: 0, hash: 0)
        XCTAssertEqual(try harness.error(history)?.message, "CHANNEL_INVALID")
    }

    func testUnservedMethodIsMethodInvalid() throws {
        var harness = SandboxHarness()
        XCTAssertEqual(try harness.error(Api.Account.GetAuthorizations())?.message, "METHOD_INVALID", "before login")
        try harness.logIn()
        let error = try harness.error(Api.Account.GetAuthorizations())
        XCTAssertEqual(error?.code, 400)
        XCTAssertEqual(error?.message, "METHOD_INVALID")
    }

    func testGetMessagesAnswersEmptyForGaps() throws {
        var harness = SandboxHarness()
        try harness.logIn()
        let channel = try XCTUnwrap(harness.api.world.channel(username: "sandbox_news"))
        let gap = try XCTUnwrap((1...300).first { !channel.exists($0, at: harness.api.world.genesis) })
        let answer = try harness.value(Api.Channels.GetMessages(
            channel: harness.input("sandbox_news"), id: [.inputMessageID(.init(id: 1)), .inputMessageID(.init(id: Int32(gap)))]))
        guard case .channelMessages(let page) = answer else { return XCTFail() }
        guard case .messageService = page.messages[0], case .messageEmpty = page.messages[1] else {
            return XCTFail("got \(page.messages)")
        }
    }

    func testWrappedRequestsAreUnwrapped() throws {
        var harness = SandboxHarness()
        let config = try harness.value(Api.InvokeWithLayer(layer: TLLayer.current, query: Api.InitConnection(
            apiId: 1, deviceModel: "test", systemVersion: "1", appVersion: "1", systemLangCode: "en", langPack: "",
            langCode: "en", query: Api.InvokeWithoutUpdates(query: Api.Help.GetConfig()))))
        XCTAssertEqual(config.thisDc, 2)
        XCTAssertEqual(config.dcOptions.map(\.port), [10_443, 10_444, 10_445])
    }

    func testWrappersBuiltInProcessAreUnwrappedToo() throws {
        var harness = SandboxHarness()
        let request = Api.InvokeWithLayer(layer: TLLayer.current, query: Api.Help.GetNearestDc())
        let answer = harness.api.handle(request, caller: harness.caller, state: &harness.state, now: harness.now)
        XCTAssertEqual(try answer.get() as? Api.NearestDc, Api.NearestDc(country: "XX", thisDc: 2, nearestDc: 2))
    }

    func testCommonDifferenceIsAlwaysEmpty() throws {
        var harness = SandboxHarness()
        try harness.logIn()
        let answer = try harness.value(Api.Updates.GetDifference(pts: 1, date: 0, qts: 0))
        guard case .differenceEmpty = answer else { return XCTFail("got \(answer)") }
    }

    func testUndecodableRequestIsRefused() {
        var harness = SandboxHarness()
        let answer = harness.api.handle(requestBody: [1, 2, 3, 4], caller: harness.caller, state: &harness.state, now: harness.now)
        XCTAssertEqual(answer.failureMessage, "INPUT_REQUEST_INVALID")
    }

    func testTakeoutWrapsRequestsOnlyWithItsOwnID() throws {
        var harness = SandboxHarness()
        try harness.logIn()
        harness.state.inject(.takeoutInitDelay(3_600))
        XCTAssertEqual(try harness.error(Api.Account.InitTakeoutSession(messageChannels: true))?.message, "TAKEOUT_INIT_DELAY_3600")
        let takeout = try harness.value(Api.Account.InitTakeoutSession(messageChannels: true))
        XCTAssertEqual(try harness.error(Api.InvokeWithTakeout(takeoutId: takeout.id &+ 1, query: Api.Updates.GetState()))?.message, "TAKEOUT_INVALID")
        XCTAssertNoThrow(try harness.value(Api.InvokeWithTakeout(takeoutId: takeout.id, query: Api.Updates.GetState())))
        XCTAssertTrue(try harness.value(Api.InvokeWithTakeout(takeoutId: takeout.id, query: Api.Account.FinishTakeoutSession(success: true))))
    }
}

extension Result where Failure == RPCError {
    /// The RPC error message of a failure.
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }
}
