import MTProtoNIO
import XCTest
@testable import Sandbox

/// The `--faults` notation.
final class SandboxFaultsTests: XCTestCase {
    func testDropEverySevenRequestsParses() throws {
        XCTAssertEqual(try SandboxFaults(parsing: "drop=7"), SandboxFaults(dropConnectionEvery: 7))
        XCTAssertEqual(try SandboxFaults(parsing: "drop=7").serverFaults(seed: 1).dropConnectionEvery, 7)
    }

    func testEveryFaultParsesInOneSpec() throws {
        let faults = try SandboxFaults(parsing: "drop=7, drop_p=0.05,salt=10s,delay=~20ms,busy=0.01,badtime=1")
        XCTAssertEqual(faults, SandboxFaults(
            dropConnectionEvery: 7, dropProbability: 0.05, saltRotation: .seconds(10),
            replyDelay: ReplyDelay(maximum: .milliseconds(20), isRandom: true), busyProbability: 0.01,
            badTimeProbability: 1))
        let server = faults.serverFaults(seed: 42)
        XCTAssertEqual(server, ServerFaults(
            dropConnectionEvery: 7, dropProbability: 0.05, saltRotation: .seconds(10), badTimeProbability: 1,
            replyDelay: ReplyDelay(maximum: .milliseconds(20), isRandom: true), seed: 42))
    }

    func testDurationsTakeSecondsMillisecondsOrPlainSeconds() throws {
        XCTAssertEqual(try SandboxFaults(parsing: "salt=500ms").saltRotation, .milliseconds(500))
        XCTAssertEqual(try SandboxFaults(parsing: "salt=2").saltRotation, .seconds(2))
        XCTAssertEqual(try SandboxFaults(parsing: "salt=1.5s").saltRotation, .milliseconds(1500))
        XCTAssertEqual(try SandboxFaults(parsing: "delay=5ms").replyDelay, ReplyDelay(maximum: .milliseconds(5)))
    }

    func testBadValuesAreRefusedWithClearMessages() {
        XCTAssertThrowsError(try SandboxFaults(parsing: "slat=10s")) { error in
            XCTAssertEqual("\(error)", "--faults: unknown fault 'slat' (known: drop, drop_p, salt, delay, busy, badtime, fileref, reject_key)")
        }
        XCTAssertThrowsError(try SandboxFaults(parsing: "busy=1.5")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .invalidValue("busy", "1.5", .probability))
            XCTAssertEqual("\(error)", "--faults: busy=1.5: expected a probability from 0 to 1")
        }
        XCTAssertThrowsError(try SandboxFaults(parsing: "drop_p=-0.1")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .invalidValue("drop_p", "-0.1", .probability))
        }
        XCTAssertThrowsError(try SandboxFaults(parsing: "salt=10m")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .invalidValue("salt", "10m", .duration))
        }
        XCTAssertThrowsError(try SandboxFaults(parsing: "salt=0s")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .invalidValue("salt", "0s", .positiveDuration))
        }
        XCTAssertThrowsError(try SandboxFaults(parsing: "delay=soon")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .invalidValue("delay", "soon", .duration))
        }
    }

    func testEmptyTextMeansNoFaults() throws {
        XCTAssertEqual(try SandboxFaults(parsing: ""), SandboxFaults())
    }

    func testUnknownOrMalformedFaultsAreRefused() {
        XCTAssertThrowsError(try SandboxFaults(parsing: "explode=1")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .unknownFault("explode"))
        }
        XCTAssertThrowsError(try SandboxFaults(parsing: "drop")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .malformed("drop"))
        }
        XCTAssertThrowsError(try SandboxFaults(parsing: "drop=0")) { error in
            XCTAssertEqual(error as? SandboxFaultsError, .invalidValue("drop", "0", .positiveCount))
        }
    }
}
