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

/// A named account's secrets: its own suffixed variables, the API id and hash shared unless it has its own.
final class AccountCredentialsTests: XCTestCase {
    private let hash = "0123456789abcdef0123456789abcdef"
    private let otherHash = "fedcba9876543210fedcba9876543210"

    func testANamedAccountReadsItsOwnVariablesAndSharesTheAPIApp() throws {
        let environment = [
            "TELEGRAM_CLIENT_API_ID": "12345", "TELEGRAM_CLIENT_API_HASH": hash,
            "TELEGRAM_CLIENT_PHONE": "+15555550100", "TELEGRAM_CLIENT_PHONE_ALICE": "+15555550111",
            "TELEGRAM_CLIENT_2FA_PASSWORD_ALICE": "alice-pass", "TELEGRAM_CLIENT_SESSION_STRING_BOB": "1Abc",
            "TELEGRAM_CLIENT_API_HASH_BOB": otherHash,
        ]
        let alice = try TelegramCredentials(environment: environment, account: "alice")
        XCTAssertEqual(alice.account, "alice")
        XCTAssertEqual(alice.apiID, 12345)
        XCTAssertEqual(alice.apiHash, hash)
        XCTAssertEqual(alice.phone, "+15555550111")
        XCTAssertEqual(alice.twoFactorPassword, "alice-pass")
        XCTAssertNil(alice.sessionString, "another account's session string is never taken")
        let bob = try TelegramCredentials(environment: environment, account: "bob")
        XCTAssertNil(bob.phone, "the default account's phone is not bob's")
        XCTAssertEqual(bob.sessionString, "1Abc")
        XCTAssertEqual(bob.apiHash, otherHash)
        let standard = try TelegramCredentials(environment: environment)
        XCTAssertEqual(standard.account, "default")
        XCTAssertEqual(standard.phone, "+15555550100")
        XCTAssertNil(standard.twoFactorPassword)
    }

    func testABadOwnValueNamesTheSuffixedVariable() {
        let environment = ["TELEGRAM_CLIENT_API_ID": "1", "TELEGRAM_CLIENT_API_HASH": hash, "TELEGRAM_CLIENT_API_HASH_ALICE": "short"]
        XCTAssertThrowsError(try TelegramCredentials(environment: environment, account: "alice")) { error in
            XCTAssertEqual(error as? CredentialsError,
                           .invalid(key: "TELEGRAM_CLIENT_API_HASH_ALICE", reason: "must be 32 hexadecimal characters"))
        }
        XCTAssertEqual(TelegramCredentials.variable("TELEGRAM_CLIENT_PHONE", account: "alice"), "TELEGRAM_CLIENT_PHONE_ALICE")
        XCTAssertEqual(TelegramCredentials.variable("TELEGRAM_CLIENT_PHONE", account: "default"), "TELEGRAM_CLIENT_PHONE")
    }
}
