import TL
import XCTest
@testable import MTProto

/// Status questions and reports between the sessions: msgs_state_req and msg_detailed_info.
final class StatusMessageTests: XCTestCase {
    private func establishedHarness(seed: UInt64) -> SessionHarness {
        var harness = SessionHarness(seed: seed)
        _ = harness.client.push([1, 0, 0, 0])
        harness.pump()
        return harness
    }

    func testStateRequestIsAnsweredWithOneStatusBytePerMessage() {
        var harness = establishedHarness(seed: 50)
        let received = harness.client.received.highest
        let question = MT.MsgsStateReq(msgIds: [received, received - 1, Int64.max])
        harness.server.send(service: question.serialized(), contentRelated: false)
        harness.deliverServerPackets()
        let events = harness.deliverClientPackets()
        // 4 + 8: received and acknowledged; 2: not received though in range; 3: not received, id too high.
        XCTAssertTrue(events.contains { if case .stateInfo(_, let info) = $0 { info == [12, 2, 3] } else { false } }, "\(events)")
    }

    func testDetailedInfoAboutAReceivedAnswerIsAcknowledged() {
        var harness = establishedHarness(seed: 51)
        let answer = harness.client.received.highest
        let info = MT.MsgDetailedInfo.msgDetailedInfo(.init(msgId: 4, answerMsgId: answer, bytes: 16, status: 0))
        harness.server.send(service: info.serialized(), contentRelated: false)
        harness.deliverServerPackets()
        XCTAssertEqual(harness.client.pendingAcks, [answer])
    }

    func testDetailedInfoAboutAMissingAnswerAsksForItAgain() {
        var harness = establishedHarness(seed: 52)
        let missing = harness.client.received.highest + 4_000
        let info = MT.MsgDetailedInfo.msgNewDetailedInfo(.init(answerMsgId: missing, bytes: 16, status: 0))
        harness.server.send(service: info.serialized(), contentRelated: false)
        harness.deliverServerPackets()
        let events = harness.deliverClientPackets()
        XCTAssertTrue(events.contains(.resendRequested([missing])), "\(events)")
    }
}
