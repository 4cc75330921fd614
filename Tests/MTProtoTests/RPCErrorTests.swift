import XCTest
@testable import MTProto

final class RPCErrorTests: XCTestCase {
    func testFloodWaitSecondsAreParsed() {
        let error = RPCError(code: 420, message: "FLOOD_WAIT_30")
        XCTAssertEqual(error.name, "FLOOD_WAIT_X")
        XCTAssertEqual(error.value, 30)
        XCTAssertEqual(error.waitSeconds, 30)
        XCTAssertNil(error.migrateToDC)
    }

    func testMigrateErrorsNameTheDataCenter() {
        let error = RPCError(code: 303, message: "PHONE_MIGRATE_4")
        XCTAssertEqual(error.name, "PHONE_MIGRATE_X")
        XCTAssertEqual(error.migrateToDC, 4)
        XCTAssertNil(error.waitSeconds)
    }

    func testNumberInTheMiddleIsReplacedToo() {
        let error = RPCError(code: 400, message: "FILE_PART_3_MISSING")
        XCTAssertEqual(error.name, "FILE_PART_X_MISSING")
        XCTAssertEqual(error.value, 3)
    }

    func testMessagesWithoutNumbersAreKeptAsIs() {
        for message in ["AUTH_KEY_UNREGISTERED", "2FA_CONFIRM_WAIT", "", "_"] {
            let error = RPCError(code: 401, message: message)
            XCTAssertEqual(error.name, message)
            XCTAssertNil(error.value)
        }
    }

    func testPremiumFloodWaitCountsAsAWait() {
        XCTAssertEqual(RPCError(code: 420, message: "FLOOD_PREMIUM_WAIT_7").waitSeconds, 7)
        XCTAssertEqual(RPCError(code: 420, message: "SLOWMODE_WAIT_11").waitSeconds, 11)
    }

    func testHugeFloodWaitsAreCappedAtAWeekSoNothingIsDeferredForever() {
        for message in ["FLOOD_WAIT_\(Int.max)", "FLOOD_WAIT_99999999999999999999999", "FLOOD_WAIT_604801"] {
            let error = RPCError(code: 420, message: message)
            XCTAssertEqual(error.waitSeconds, RPCError.longestWait, message)
        }
        XCTAssertEqual(RPCError(code: 420, message: "FLOOD_WAIT_604799").waitSeconds, 604_799)
    }
}
