import XCTest
@testable import MTProto

final class RPCErrorTests: XCTestCase {
    func testFloodWaitSecondsAreParsed() {
        let error = RPCError(code: 420, message: "FLOOD_WAIT_30")
        XCTAssertEqual(error.name, .floodWaitX)
        XCTAssertEqual(error.value, 30)
        XCTAssertEqual(error.waitSeconds, 30)
        XCTAssertNil(error.migrateToDC)
    }

    func testMigrateErrorsNameTheDataCenter() {
        let error = RPCError(code: 303, message: "PHONE_MIGRATE_4")
        XCTAssertEqual(error.name, .phoneMigrateX)
        XCTAssertEqual(error.migrateToDC, 4)
        XCTAssertNil(error.waitSeconds)
    }

    func testNumberInTheMiddleIsReplacedToo() {
        let error = RPCError(code: 400, message: "FILE_PART_3_MISSING")
        XCTAssertEqual(error.name, .filePartXMissing)
        XCTAssertEqual(error.value, 3)
    }

    func testMessagesWithoutNumbersAreKeptAsIs() {
        for message in ["AUTH_KEY_UNREGISTERED", "2FA_CONFIRM_WAIT", "", "_"] {
            let error = RPCError(code: 401, message: message)
            XCTAssertEqual(error.name.rawValue, message)
            XCTAssertNil(error.value)
        }
    }

    func testAnErrorBuiltFromAListedNameIsWhatTheServerSends() {
        let flood = RPCError(.floodWaitX, value: 30)
        XCTAssertEqual(flood, RPCError(code: 420, message: "FLOOD_WAIT_30"))
        XCTAssertEqual(flood.waitSeconds, 30)
        XCTAssertEqual(RPCError(.filePartXMissing, value: 3).message, "FILE_PART_3_MISSING")
        XCTAssertEqual(RPCError(.channelInvalid), RPCError(code: 400, message: "CHANNEL_INVALID"))
        XCTAssertEqual(RPCError(.fileMigrateX, value: 2).migrateToDC, 2)
        XCTAssertEqual(RPCError(.fileMigrateX, value: 2).code, 303)
    }

    func testNamesCompareByTextWhateverTheCode() {
        XCTAssertEqual(RPCError(code: 406, message: "CHANNEL_PRIVATE").name, .channelPrivate)
        XCTAssertNotEqual(RPCError(code: 400, message: "CHANNEL_PRIVATE").name, .channelInvalid)
    }

    func testPremiumFloodWaitCountsAsAWait() {
        XCTAssertEqual(RPCError(code: 420, message: "FLOOD_PREMIUM_WAIT_7").waitSeconds, 7)
        XCTAssertEqual(RPCError(code: 420, message: "SLOWMODE_WAIT_11").waitSeconds, 11)
    }
}
