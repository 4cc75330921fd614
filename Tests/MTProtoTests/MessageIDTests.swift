import XCTest
@testable import MTProto

final class MessageIDTests: XCTestCase {
    func testClientMessageIDMatchesGotdExample() throws {
        // gotd proto/message_id_test.go: 2018-10-10T23:42:06.0000136Z gives 0x5bbe8e4e00003520.
        let reference = try Vectors.load("transport").object("message_id_reference")
        var generator = MessageIDGenerator()
        let time = UnixTime(seconds: 1_539_214_926, nanoseconds: try reference.int64("unix_nanos_fraction"))
        XCTAssertEqual(generator.next(now: time, kind: .client), try reference.int64("expected_msg_id_int64"))
    }

    func testIDsCarryTheirKindInTheLowBits() {
        var generator = MessageIDGenerator()
        let now = UnixTime(seconds: 1_700_000_000, nanoseconds: 7)
        XCTAssertEqual(generator.next(now: now, kind: .client) & 3, 0)
        XCTAssertEqual(generator.next(now: now, kind: .serverResponse) & 3, 1)
        XCTAssertEqual(generator.next(now: now, kind: .serverOther) & 3, 3)
    }

    func testIDsStrictlyIncreaseWhenTheClockStallsOrGoesBackwards() {
        var generator = MessageIDGenerator()
        var previous = Int64.min
        var clock = UnixTime(seconds: 1_700_000_000)
        for step in 0..<1000 {
            // Forward, stalled and backward steps, including a jump back by a whole minute.
            let delta: Int64 = step % 3 == 0 ? -1_000_000 : (step % 3 == 1 ? 0 : 500)
            clock = UnixTime(nanosecondsSinceEpoch: clock.nanosecondsSinceEpoch + (step == 500 ? -60_000_000_000 : delta))
            let id = generator.next(now: clock, kind: .client)
            XCTAssertGreaterThan(id, previous)
            XCTAssertEqual(id & 3, 0)
            previous = id
        }
    }

    func testTimeOffsetShiftsTheSecondsPart() {
        var generator = MessageIDGenerator(timeOffset: -100)
        let id = generator.next(now: UnixTime(seconds: 1_700_000_000), kind: .client)
        XCTAssertEqual(MessageID.seconds(of: id), 1_700_000_000 - 100)
    }

    func testCorrectingTheOffsetAllowsIDsBelowRejectedOnes() {
        var generator = MessageIDGenerator()
        let now = UnixTime(seconds: 1_700_000_000)
        let tooHigh = generator.next(now: now, kind: .client)
        generator.correct(timeOffset: -60)
        XCTAssertLessThan(generator.next(now: now, kind: .client), tooHigh)
    }

    func testUnixTimeSplitsNegativeInstantsDownwards() {
        let time = UnixTime(nanosecondsSinceEpoch: -1)
        XCTAssertEqual(time.seconds, -1)
        XCTAssertEqual(time.nanosecondsOfSecond, 999_999_999)
        XCTAssertEqual(UnixTime(seconds: 5, nanoseconds: 42).description, "5.000000042")
    }
}
