import Foundation
import MTProtoCrypto
import TL
import XCTest
@testable import Sandbox

/// Login as on Telegram's test DCs: code X×5 for 99966XYYYY, migrations, bans, 2FA over SRP, logout.
final class LoginTests: XCTestCase {
    private func sendCode(_ harness: inout SandboxHarness, _ phone: String) throws -> String {
        guard case .sentCode(let sent) = try harness.value(
            Api.Auth.SendCode(phoneNumber: phone, apiId: 1, apiHash: "x", settings: .init())) else { throw HarnessError.unexpected }
        return sent.phoneCodeHash
    }

    func testTestPhoneLogsInWithRepeatedDCDigitCode() throws {
        var harness = SandboxHarness()
        let hash = try sendCode(&harness, "9996621234")
        let authorization = try harness.value(Api.Auth.SignIn(phoneNumber: "9996621234", phoneCodeHash: hash, phoneCode: "22222"))
        guard case .authorization(let value) = authorization, case .user(let user) = value.user else { return XCTFail() }
        XCTAssertTrue(user.isSelf)
        XCTAssertEqual(user.phone, "9996621234")
        XCTAssertNotNil(try harness.call(Api.Updates.GetState()).get())
    }

    func testWrongCodeIsRefused() throws {
        var harness = SandboxHarness()
        let hash = try sendCode(&harness, "9996621234")
        XCTAssertEqual(try harness.error(Api.Auth.SignIn(phoneNumber: "9996621234", phoneCodeHash: hash, phoneCode: "11111"))?.message, "PHONE_CODE_INVALID")
    }

    func testCodeExpiresAfterItsLifetime() throws {
        var harness = SandboxHarness()
        let hash = try sendCode(&harness, "9996621234")
        harness.now += 301
        XCTAssertEqual(try harness.error(Api.Auth.SignIn(phoneNumber: "9996621234", phoneCodeHash: hash, phoneCode: "22222"))?.message, "PHONE_CODE_EXPIRED")
    }

    func testPhoneOnOtherDCIsMigrated() throws {
        var harness = SandboxHarness(dc: 1)
        let error = try harness.error(Api.Auth.SendCode(phoneNumber: "9996621234", apiId: 1, apiHash: "x", settings: .init()))
        XCTAssertEqual(error?.code, 303)
        XCTAssertEqual(error?.migrateToDC, 2)
    }

    func testBannedPhoneIsRefused() throws {
        var harness = SandboxHarness()
        XCTAssertEqual(try harness.error(Api.Auth.SendCode(phoneNumber: "9996620000", apiId: 1, apiHash: "x", settings: .init()))?.message, "PHONE_NUMBER_BANNED")
    }

    func testUnknownTestPhoneSignsUp() throws {
        var harness = SandboxHarness()
        let hash = try sendCode(&harness, "9996627777")
        XCTAssertEqual(try harness.error(Api.Auth.SignIn(phoneNumber: "9996627777", phoneCodeHash: hash, phoneCode: "22222"))?.message, "PHONE_NUMBER_UNOCCUPIED")
        let authorization = try harness.value(Api.Auth.SignUp(phoneNumber: "9996627777", phoneCodeHash: hash, firstName: "New", lastName: ""))
        guard case .authorization = authorization else { return XCTFail() }
    }

    func testTwoFactorAccountLogsInWithSRPProof() throws {
        var harness = SandboxHarness()
        XCTAssertEqual(try completeTwoFactor(&harness, password: "sandbox-2fa"), nil)
        XCTAssertNotNil(try harness.call(Api.Users.GetUsers(id: [.inputUserSelf])).get().first)
    }

    func testWrongPasswordIsRefused() throws {
        var harness = SandboxHarness()
        XCTAssertEqual(try completeTwoFactor(&harness, password: "guess")?.message, "PASSWORD_HASH_INVALID")
        XCTAssertEqual(try harness.error(Api.Updates.GetState())?.message, "AUTH_KEY_UNREGISTERED")
    }

    /// Code, SESSION_PASSWORD_NEEDED, account.getPassword, client SRP, auth.checkPassword; the final error if any.
    private func completeTwoFactor(_ harness: inout SandboxHarness, password: String) throws -> RPCErrorSummary? {
        let hash = try sendCode(&harness, "9996625678")
        let needed = try harness.error(Api.Auth.SignIn(phoneNumber: "9996625678", phoneCodeHash: hash, phoneCode: "22222"))
        XCTAssertEqual(needed?.message, "SESSION_PASSWORD_NEEDED")
        let settings = try harness.value(Api.Account.GetPassword())
        guard case .passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow(let algo)? = settings.currentAlgo,
              let srpB = settings.srpB, let srpID = settings.srpId else { throw HarnessError.unexpected }
        let check = try SRP.computeCheck(
            password: Array(password.utf8), salt1: algo.salt1, salt2: algo.salt2, g: Int(algo.g), p: algo.p, srpB: srpB,
            a: [UInt8](repeating: 7, count: 256))
        let answer = try harness.call(Api.Auth.CheckPassword(password: .inputCheckPasswordSRP(.init(srpId: srpID, a: check.A, m1: check.M1))))
        if case .failure(let error) = answer { return RPCErrorSummary(message: error.message) }
        return nil
    }

    func testLogOutUnregistersTheKey() throws {
        var harness = SandboxHarness()
        try harness.logIn()
        _ = try harness.value(Api.Auth.LogOut())
        let error = try harness.error(Api.Help.GetConfig())
        XCTAssertEqual(error?.code, 401)
        XCTAssertEqual(error?.message, "AUTH_KEY_UNREGISTERED")
    }

    func testUnauthorizedCallIsRefused() throws {
        var harness = SandboxHarness()
        XCTAssertEqual(try harness.error(Api.Contacts.ResolveUsername(username: "sandbox_news"))?.message, "AUTH_KEY_UNREGISTERED")
    }
}

/// An RPC error's message, comparable in assertions.
struct RPCErrorSummary: Equatable {
    let message: String
}
