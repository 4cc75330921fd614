import Foundation
import NIOConcurrencyHelpers
import XCTest
@testable import Notify

/// A notifier that keeps what it is sent.
private final class RecordingNotifier: Notifier {
    private let sent = NIOLockedValueBox<[NotificationMessage]>([])
    var notifications: [NotificationMessage] { sent.withLockedValue { $0 } }

    func send(_ notification: NotificationMessage) async throws(NotifyError) {
        sent.withLockedValue { $0.append(notification) }
    }
}

/// A clock the test moves by hand.
private final class ManualClock: Sendable {
    private let time = NIOLockedValueBox(Date(timeIntervalSince1970: 1_714_564_800))
    var now: Date { time.withLockedValue { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLockedValue { $0 += seconds } }
}

final class NotificationDispatchTests: XCTestCase {
    private let clock = ManualClock()
    private let recorder = RecordingNotifier()

    private func dispatcher(_ policy: NotificationPolicy = NotificationPolicy(), secrets: [String] = [])
        -> NotificationDispatcher {
        let clock = self.clock
        return NotificationDispatcher(policy: policy, notifiers: [recorder], secrets: secrets, clock: { clock.now })
    }

    func testTheSameFailureIsSentAtMostOncePerInterval() async {
        let alerts = dispatcher(NotificationPolicy(minInterval: .seconds(3600)))
        await alerts.report(.jobFailed(job: "news", error: "timeout"))
        clock.advance(1800)
        let repeated = await alerts.report(.jobFailed(job: "news", error: "timeout"))
        await alerts.report(.jobFailed(job: "other", error: "timeout"))
        await alerts.report(.floodWait(job: "news", seconds: 3600))
        clock.advance(1800)
        await alerts.report(.jobFailed(job: "news", error: "still failing"))

        XCTAssertEqual(repeated, .suppressed)
        XCTAssertEqual(recorder.notifications.map { "\($0.kind.rawValue) \($0.subject)" },
                       ["job_failed news", "job_failed other", "flood_wait news", "job_failed news"])
        XCTAssertEqual(recorder.notifications.last?.text, "tgcron: job news failed: still failing")
    }

    func testDeferralsAreSentOnlyFromTheThresholdOn() async {
        let alerts = dispatcher(NotificationPolicy(deferralsThreshold: 3))
        for count in 1...3 {
            await alerts.report(.jobDeferred(job: "news", consecutive: count, reason: "budget spent"))
        }
        XCTAssertEqual(recorder.notifications.map(\.text), ["tgcron: job news deferred 3 times in a row (budget spent)"])
    }

    func testOnlyLongFloodWaitsAreSent() async {
        let alerts = dispatcher(NotificationPolicy(floodWaitThreshold: 600, minInterval: .zero))
        await alerts.report(.floodWait(job: nil, seconds: 599))
        await alerts.report(.floodWait(job: nil, seconds: 600))
        XCTAssertEqual(recorder.notifications.map(\.text), ["tgcron: Telegram asked the account to wait 600s (FLOOD_WAIT)"])
        XCTAssertEqual(recorder.notifications.first?.subject, "account")
    }

    func testSecretsNeverReachTheText() async {
        let hash = "0123456789abcdef0123456789abcdef"
        let alerts = dispatcher(secrets: [hash, "+15555550100", "", "x"])
        await alerts.report(.jobFailed(job: "news", error: "login as +15555550100 with \(hash) refused"))
        XCTAssertEqual(recorder.notifications.first?.text, "tgcron: job news failed: login as [redacted] with [redacted] refused")
    }

    func testADeliveryFailureIsReportedNotThrown() async throws {
        let port = try await LoopbackPort.free()
        let alerts = NotificationDispatcher(
            policy: NotificationPolicy(), notifiers: [try WebhookNotifier(url: "http://127.0.0.1:\(port)/"), recorder],
            secrets: [])
        let delivery = await alerts.report(.jobFailed(job: "news", error: "boom"))
        guard case .sent(_, let failures) = delivery else { return XCTFail("\(delivery)") }
        XCTAssertEqual(failures.count, 1)
        XCTAssertEqual(recorder.notifications.count, 1, "the other notifier still got it")
    }
}
