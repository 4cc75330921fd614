import MTProtoCrypto
import MTProtoNIO
import XCTest

/// Backoff delays, computed from injected randomness without sleeping.
final class ReconnectPolicyTests: XCTestCase {
    private let policy = ReconnectPolicy(
        initialDelay: .milliseconds(10), maximumDelay: .milliseconds(100), multiplier: 2, jitter: 0.5)

    func testDelayDoublesWithEachFailureUpToTheMaximum() {
        var random = ReplayRandom(Array(repeating: [0, 0, 0, 0], count: 6))

        let delays = (0..<6).map { policy.delay(afterFailures: $0, random: &random) }

        XCTAssertEqual(delays, [10, 20, 40, 80, 100, 100].map { Duration.milliseconds($0) })
    }

    func testJitterShortensTheDelayByTheDrawnFraction() {
        var random = ReplayRandom([[0xff, 0xff, 0xff, 0xff], [0x00, 0x00, 0x00, 0x80]])

        let shortest = policy.delay(afterFailures: 2, random: &random)
        let middle = policy.delay(afterFailures: 2, random: &random)

        XCTAssertEqual(shortest, .milliseconds(20))
        XCTAssertEqual(Double(middle.components.attoseconds) / 1e15, 30, accuracy: 0.01)
    }

    func testHugeFailureCountsStayAtTheMaximum() {
        var random = ReplayRandom([[0, 0, 0, 0]])

        XCTAssertEqual(policy.delay(afterFailures: 10_000, random: &random), .milliseconds(100))
    }
}
