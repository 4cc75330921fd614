import MTProtoCrypto
import XCTest

final class RandomSourceTests: XCTestCase {
    func testReplayRandomReturnsQueuedStringsInOrder() {
        var random = ReplayRandom([[1, 2, 3], [], [4]])
        XCTAssertEqual(random.bytes(3), [1, 2, 3])
        XCTAssertEqual(random.bytes(0), [])
        XCTAssertEqual(random.remaining, 1)
        XCTAssertEqual(random.bytes(1), [4])
        XCTAssertEqual(random.remaining, 0)
    }

    func testSystemRandomFillsTheWholeBuffer() {
        var random = SystemRandom()
        let first = random.bytes(64)
        let second = random.bytes(64)
        XCTAssertEqual(first.count, 64)
        XCTAssertNotEqual(first, second, "two 512-bit draws were identical")
    }
}
