import MTProtoCrypto
import TL
import XCTest
@testable import MTProto

/// Every bad_msg_notification code, injected by the server session, handled as the docs describe.
final class BadMessageNotificationTests: XCTestCase {
    /// A harness whose session is already established (one request answered).
    private func establishedHarness(seed: UInt64, client: SessionConfiguration = .init()) -> SessionHarness {
        var harness = SessionHarness(seed: seed, client: client)
        _ = harness.client.push([1, 0, 0, 0])
        harness.pump()
        return harness
    }

    /// Injects `code` for the next client packet and runs the exchange to completion.
    private func outcome(of code: BadMessageCode, seed: UInt64 = 20) -> (harness: SessionHarness, request: RequestID) {
        var harness = establishedHarness(seed: seed)
        harness.server.injectBadMessage(code)
        let id = harness.client.push([2, 0, 0, 0])
        harness.pump()
        return (harness, id)
    }

    private func assertResentAndAnswered(_ code: BadMessageCode, file: StaticString = #filePath, line: UInt = #line) {
        let (harness, id) = outcome(of: code)
        XCTAssertTrue(harness.clientEvents.contains(.resendScheduled([id])), "no resend for \(code)", file: file, line: line)
        XCTAssertNotNil(harness.results[id], "no answer after \(code)", file: file, line: line)
        XCTAssertNil(harness.failures[id], file: file, line: line)
    }

    private func assertFailed(_ code: BadMessageCode, file: StaticString = #filePath, line: UInt = #line) {
        let (harness, id) = outcome(of: code)
        XCTAssertEqual(harness.failures[id], .badMessage(code), file: file, line: line)
        XCTAssertNil(harness.results[id], file: file, line: line)
        XCTAssertTrue(harness.client.inFlightRequests.isEmpty, file: file, line: line)
    }

    func testMessageIDTooLowCorrectsTheClockFromTheServerAndResends() {
        // A fresh session whose clock is 400 s behind: msg_ids only grow within a session, so a clock
        // that falls behind later cannot produce ids that are too low.
        var harness = SessionHarness(seed: 21)
        harness.clientClock = harness.clientClock.adding(seconds: -400)
        let id = harness.client.push([2, 0, 0, 0])
        harness.pump()
        XCTAssertTrue(harness.serverEvents.contains { if case .ignored(_, .messageIDTooLow) = $0 { true } else { false } })
        XCTAssertEqual(harness.client.timeOffset, 400)
        XCTAssertNotNil(harness.results[id])
    }

    func testMessageIDTooHighCorrectsTheClockFromTheServerAndResends() {
        var harness = establishedHarness(seed: 22)
        harness.clientClock = harness.clientClock.adding(seconds: 90)
        let id = harness.client.push([2, 0, 0, 0])
        harness.pump()
        XCTAssertTrue(harness.serverEvents.contains { if case .ignored(_, .messageIDTooHigh) = $0 { true } else { false } })
        XCTAssertEqual(harness.client.timeOffset, -90)
        XCTAssertNotNil(harness.results[id])
    }

    func testInjectedMessageIDTooLowIsResent() {
        assertResentAndAnswered(.messageIDTooLow)
    }

    func testInvalidLowBitsFailTheRequest() {
        assertFailed(.messageIDInvalidLowBits)
    }

    func testReusedContainerIDIsResentWithNewIDs() {
        assertResentAndAnswered(.containerIDReused)
    }

    func testMessageTooOldFailsTheRequest() {
        assertFailed(.messageTooOld)
    }

    func testSeqNoTooLowStartsANewSessionAndResends() {
        for code in [BadMessageCode.seqNoTooLow, .seqNoTooHigh] {
            var harness = establishedHarness(seed: 23)
            let oldSession = harness.client.sessionID
            harness.server.injectBadMessage(code)
            let id = harness.client.push([2, 0, 0, 0])
            harness.pump()
            XCTAssertNotEqual(harness.client.sessionID, oldSession, "\(code)")
            XCTAssertEqual(harness.server.sessionID, harness.client.sessionID)
            XCTAssertTrue(harness.clientEvents.contains { if case .newSession = $0 { true } else { false } })
            XCTAssertNotNil(harness.results[id], "\(code)")
        }
    }

    func testSeqNoParityErrorsFailTheRequest() {
        assertFailed(.evenSeqNoExpected)
        assertFailed(.oddSeqNoExpected)
    }

    func testBadServerSaltIsAdoptedAndTheRequestResent() {
        assertResentAndAnswered(.badServerSalt)
    }

    func testSaltChangeMidStreamIsAdoptedAndEveryRequestAnswered() {
        var harness = establishedHarness(seed: 24)
        var ids: [RequestID] = []
        for round in 0..<10 {
            if round == 4 { harness.server.changeSalt(to: 0x0BAD_5A17) }
            for index in 0..<30 { ids.append(harness.client.push([3, 0, UInt8(round), UInt8(index)])) }
            harness.deliverClientPackets()
            harness.deliverServerPackets()
        }
        harness.pump()
        XCTAssertEqual(harness.client.salt, 0x0BAD_5A17)
        XCTAssertTrue(harness.serverEvents.contains { if case .ignored(_, .badServerSalt) = $0 { true } else { false } })
        for id in ids { XCTAssertNotNil(harness.results[id], "request \(id)") }
    }

    func testInvalidContainerFailsEveryRequestInIt() {
        var harness = SessionHarness(seed: 25, server: SessionConfiguration(maximumContainerMessages: 3))
        let ids = (0..<6).map { harness.client.push([4, 0, 0, UInt8($0)]) }
        harness.pump()
        for id in ids { XCTAssertEqual(harness.failures[id], .badMessage(.invalidContainer)) }
    }

    func testNotificationAboutAContainerResendsEveryRequestInIt() {
        var harness = establishedHarness(seed: 26)
        harness.server.injectBadMessage(.badServerSalt)
        let ids = (0..<5).map { harness.client.push([5, 0, 0, UInt8($0)]) }
        harness.pump()
        XCTAssertTrue(harness.clientEvents.contains(.resendScheduled(ids)))
        for id in ids { XCTAssertNotNil(harness.results[id]) }
    }

    func testRepeatedCorrectiveNotificationsEventuallyFailTheRequest() {
        var harness = establishedHarness(seed: 27, client: SessionConfiguration(maximumResends: 3))
        for _ in 0..<4 { harness.server.injectBadMessage(.badServerSalt) }
        let id = harness.client.push([6, 0, 0, 0])
        harness.pump()
        XCTAssertEqual(harness.failures[id], .tooManyResends(.badServerSalt))
    }

    func testUnknownCodeFailsTheRequest() {
        assertFailed(BadMessageCode(rawValue: 99))
    }

    func testNotificationAboutAnUnknownMessageIsIgnored() {
        var harness = establishedHarness(seed: 28)
        let body = MT.BadMsgNotification.badMsgNotification(.init(badMsgId: 4, badMsgSeqno: 1, errorCode: 16)).serialized()
        harness.server.send(service: body, contentRelated: false)
        let offset = harness.client.timeOffset
        XCTAssertEqual(harness.deliverServerPackets(), [])
        XCTAssertEqual(harness.client.timeOffset, offset)
    }
}
