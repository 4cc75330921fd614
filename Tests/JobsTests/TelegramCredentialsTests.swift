import XCTest
@testable import Jobs

final class TelegramCredentialsTests: XCTestCase {
    private let hash = "0123456789abcdef0123456789abcdef"

    func testReadsEverySecretAndNeverPrintsOne() throws {
        let credentials = try TelegramCredentials(environment: [
            "TELEGRAM_CLIENT_API_ID": "12345", "TELEGRAM_CLIENT_API_HASH": hash,
            "TELEGRAM_CLIENT_PHONE": "+15555550100", "TELEGRAM_CLIENT_2FA_PASSWORD": "hunter2",
        ])
        XCTAssertEqual(credentials.apiID, 12345)
        XCTAssertEqual(credentials.apiHash, hash)
        XCTAssertEqual(credentials.phone, "+15555550100")
        XCTAssertEqual(credentials.twoFactorPassword, "hunter2")
        XCTAssertNil(credentials.sessionString)
        let printed = "\(credentials)"
        XCTAssertFalse(printed.contains(hash) || printed.contains("hunter2") || printed.contains("5555550100"), printed)
    }

    func testTheEnvironmentsAPIIDWinsOverTheSettings() throws {
        let environment = ["TELEGRAM_CLIENT_API_ID": "777", "TELEGRAM_CLIENT_API_HASH": hash]
        XCTAssertEqual(try TelegramCredentials(environment: environment, settingsAPIID: 12345).apiID, 777)
        XCTAssertEqual(try TelegramCredentials(environment: ["TELEGRAM_CLIENT_API_HASH": hash], settingsAPIID: 12345).apiID,
                       12345)
    }

    func testMissingAndInvalidValuesNameTheVariableOnly() {
        XCTAssertThrowsError(try TelegramCredentials(environment: ["TELEGRAM_CLIENT_API_HASH": hash])) { error in
            XCTAssertEqual(error as? CredentialsError, .missing(key: "TELEGRAM_CLIENT_API_ID"))
        }
        XCTAssertThrowsError(try TelegramCredentials(environment: ["TELEGRAM_CLIENT_API_ID": "1", "TELEGRAM_CLIENT_API_HASH": ""])) { error in
            XCTAssertEqual(error as? CredentialsError, .missing(key: "TELEGRAM_CLIENT_API_HASH"))
        }
        let environment = ["TELEGRAM_CLIENT_API_ID": "1", "TELEGRAM_CLIENT_API_HASH": "not-a-hash-secret"]
        XCTAssertThrowsError(try TelegramCredentials(environment: environment)) { error in
            XCTAssertEqual("\(error)", "TELEGRAM_CLIENT_API_HASH must be 32 hexadecimal characters")
        }
    }
}
