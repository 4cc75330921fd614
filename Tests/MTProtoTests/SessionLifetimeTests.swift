import MTProtoCrypto
import TL
import XCTest
@testable import MTProto

/// A session's first packet (new_session_created) and requests whose callers gave up.
final class SessionLifetimeTests: XCTestCase {
    func testNewSessionNamesTheFirstInnerMessageOfTheOpeningContainer() throws {
        var harness = SessionHarness(seed: 31)
        harness.echoRequests = false
        for index in 0..<3 { _ = harness.client.push([UInt8(index + 1), 0, 0, 0]) }
        let events = harness.deliverClientPackets()
        let firstRequest = try XCTUnwrap(events.compactMap { event -> Int64? in
            if case .request(let request) = event { request.messageID } else { nil }
        }.min())

        let clientEvents = harness.deliverServerPackets(flushAcks: true)

        XCTAssertEqual(harness.clientPackets, 1, "the three requests go out in one container")
        XCTAssertEqual(clientEvents, [.newSession(firstMessageID: firstRequest)])
    }

    func testRequestsOfTheFirstContainerAreAnsweredOnceAndNeverResent() {
        var harness = SessionHarness(seed: 32)
        let ids = (0..<5).map { harness.client.push([UInt8($0 + 1), 0, 0, 0]) }

        harness.pump()

        let requests = harness.serverEvents.filter { if case .request = $0 { true } else { false } }
        XCTAssertEqual(requests.count, 5, "the server runs each request once")
        XCTAssertEqual(Set(harness.results.keys), Set(ids))
        XCTAssertFalse(harness.clientEvents.contains { if case .resendScheduled = $0 { true } else { false } })
        XCTAssertTrue(harness.client.inFlightRequests.isEmpty)
        XCTAssertTrue(harness.client.queuedRequests.isEmpty)
    }

    func testRequestsSentBeforeTheNewSessionsFirstMessageAreResent() {
        var harness = SessionHarness(seed: 33)
        harness.echoRequests = false
        let lost = harness.client.push([1, 0, 0, 0])
        // Lost on the way: the server never sees it, so its session starts with the next request.
        XCTAssertNotNil(harness.client.nextPacket(now: harness.clientClock, random: &harness.random))
        harness.tick()
        let delivered = harness.client.push([2, 0, 0, 0])
        harness.deliverClientPackets()

        let events = harness.deliverServerPackets(flushAcks: true)

        XCTAssertTrue(events.contains(.resendScheduled([lost])))
        XCTAssertEqual(harness.client.queuedRequests, [lost])
        XCTAssertEqual(harness.client.inFlightRequests, [delivered])
    }

    func testCancelledQueuedRequestIsNeverSent() {
        var harness = SessionHarness(seed: 34)
        let cancelled = harness.client.push([1, 0, 0, 0])
        let kept = harness.client.push([2, 0, 0, 0])

        XCTAssertTrue(harness.client.cancel(cancelled))
        harness.pump()

        XCTAssertEqual(harness.serverEvents.filter { if case .request = $0 { true } else { false } }.count, 1)
        XCTAssertEqual(Array(harness.results.keys), [kept])
        XCTAssertFalse(harness.client.cancel(cancelled), "a cancelled request is no longer pending")
    }

    func testCancelledSentRequestIsNotResentAfterAReconnect() {
        var harness = SessionHarness(seed: 35)
        let cancelled = harness.client.push([1, 0, 0, 0])
        let kept = harness.client.push([2, 0, 0, 0])
        // The packet is lost with the connection.
        XCTAssertNotNil(harness.client.nextPacket(now: harness.clientClock, random: &harness.random))

        XCTAssertTrue(harness.client.cancel(cancelled))

        XCTAssertEqual(harness.client.inFlightRequests, [kept])
        XCTAssertEqual(harness.client.requeueInFlightRequests(), [kept])
        XCTAssertEqual(harness.client.queuedRequests, [kept])
    }

    func testLateAnswerToACancelledRequestIsIgnoredWithoutAnEvent() throws {
        var harness = SessionHarness(seed: 36)
        let (cancelled, request) = try Self.sendUnanswered(through: &harness)

        XCTAssertTrue(harness.client.cancel(cancelled, dropAnswer: false))
        harness.server.reply(to: request.messageID, result: [9, 0, 0, 0])
        harness.server.reply(to: request.messageID, error: RPCError(code: 500, message: "INTERNAL"))
        let late = harness.deliverServerPackets(flushAcks: true)

        XCTAssertEqual(late, [])
        XCTAssertNil(harness.results[cancelled])
        XCTAssertNil(harness.failures[cancelled])
    }

    func testCancellingASentRequestAsksTheServerToDropItsAnswer() throws {
        var harness = SessionHarness(seed: 37)
        let (cancelled, request) = try Self.sendUnanswered(through: &harness)

        harness.client.cancel(cancelled)
        let dropEvents = harness.deliverClientPackets()
        // The handler finishes after the drop: its reply is discarded.
        harness.server.reply(to: request.messageID, result: [9, 0, 0, 0])
        let answers = harness.deliverServerPackets(flushAcks: true)

        XCTAssertFalse(dropEvents.contains { if case .request = $0 { true } else { false } },
                       "rpc_drop_answer is answered by the session, not handed to the application")
        XCTAssertEqual(answers, [], "the rpc_drop_answer result and the dropped reply raise no event")
        XCTAssertNil(harness.results[cancelled])
        XCTAssertTrue(harness.client.inFlightRequests.isEmpty)
    }

    func testServerAnswersDropOfARunningRequestAndDiscardsItsReply() throws {
        var harness = SessionHarness(seed: 38)
        let (_, request) = try Self.sendUnanswered(through: &harness)
        let drop = harness.client.push(MT.RpcDropAnswerRequest(reqMsgId: request.messageID))
        harness.deliverClientPackets()
        harness.server.reply(to: request.messageID, result: [9, 0, 0, 0])
        harness.deliverServerPackets(flushAcks: true)

        let outcome = try XCTUnwrap(harness.results[drop]).get().decode(resultOf: MT.RpcDropAnswerRequest.self)

        XCTAssertEqual(outcome, .rpcAnswerDroppedRunning)
        XCTAssertEqual(harness.results.count, 1, "the dropped request's reply is not sent")
    }

    /// Sends one request that the server receives but does not answer (the client gets
    /// new_session_created and the acknowledgement), returning its id and what the server got.
    private static func sendUnanswered(through harness: inout SessionHarness) throws -> (RequestID, ReceivedRequest) {
        harness.echoRequests = false
        let id = harness.client.push([1, 0, 0, 0])
        let events = harness.deliverClientPackets()
        let request = try XCTUnwrap(events.compactMap { event -> ReceivedRequest? in
            if case .request(let request) = event { request } else { nil }
        }.first)
        harness.deliverServerPackets(flushAcks: true)
        return (id, request)
    }
}
