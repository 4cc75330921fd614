@testable import MTProtoCrypto
import XCTest

/// 2FA SRP against ../shared/vectors/srp.json (grammers `grammers-crypto/src/two_factor_auth.rs`
/// check_calculations_1/2, gotd `crypto/srp/srp_test.go` TestSRP and `new_hash_test.go` TestSRP_NewHash).
/// Each check runs PBKDF2 with 100000 iterations, so every test computes only a few.
final class SRPTests: XCTestCase {
    private func vector(_ id: String) throws -> [String: Any] {
        try XCTUnwrap(try Vectors.load("srp").objects("vectors").first { $0["id"] as? String == id })
    }

    func testPublishedChecksWithTelegramsPrime() throws {
        for id in ["grammers_check_calculations_2", "gotd_TestSRP"] {
            let v = try vector(id)
            let check = try SRP.computeCheck(
                password: v.bytes("password"), salt1: v.bytes("salt1"), salt2: v.bytes("salt2"),
                g: v.int("g"), p: v.bytes("p"), srpB: v.bytes("srp_B"), a: v.bytes("random_a"))
            XCTAssertEqual(hexString(check.A), try v.string("expected_A"), id)
            XCTAssertEqual(hexString(check.M1), try v.string("expected_M1"), id)
        }
    }

    func testGrammersToyGroupVector() throws {
        // p = 47 is no 2048-bit safe prime, so the public entry point rightly rejects it; the vector
        // still pins the arithmetic through the unchecked group.
        let v = try vector("grammers_check_calculations_1")
        let group = try SRPGroup(unchecked: v.int("g"), prime: BigNum(v.bytes("p")))
        let check = try SRP.computeCheck(
            password: v.bytes("password"), salt1: v.bytes("salt1"), salt2: v.bytes("salt2"),
            group: group, srpB: v.bytes("srp_B"), a: BigNum(v.bytes("random_a")))
        XCTAssertEqual(hexString(check.A), try v.string("expected_A"))
        XCTAssertEqual(hexString(check.M1), try v.string("expected_M1"))
        XCTAssertThrowsError(try SRP.computeCheck(
            password: v.bytes("password"), salt1: v.bytes("salt1"), salt2: v.bytes("salt2"),
            g: v.int("g"), p: v.bytes("p"), srpB: v.bytes("srp_B"), a: v.bytes("random_a"))) {
            guard case .srpCheckFailed = $0 as? CryptoError else { return XCTFail("unexpected \($0)") }
        }
    }

    func testNewPasswordVerifierMatchesGotd() throws {
        let v = try Vectors.load("srp").object("new_password_verifier")
        let salt1 = try v.bytes("salt1_from_server") + v.bytes("random_appended_to_salt1")
        XCTAssertEqual(hexString(salt1), try v.string("expected_new_salt1"))
        let verifier = try SRP.verifier(
            password: v.bytes("password"), salt1: salt1, salt2: v.bytes("salt2"), g: v.int("g"), p: v.bytes("p"))
        XCTAssertEqual(hexString(verifier), try v.string("expected_v"))
    }

    func testClientAndServerAgreeAndAWrongPasswordFails() throws {
        var random = SystemRandom()
        let p = try DHChecks.telegramPrime.bytes(paddedTo: 256)
        let salt1 = random.bytes(40)
        let salt2 = random.bytes(16)
        let password = Array("correct horse".utf8)
        let verifier = try SRP.verifier(password: password, salt1: salt1, salt2: salt2, g: 3, p: p)
        let server = try SRPServer(g: 3, p: p, salt1: salt1, salt2: salt2, verifier: verifier, random: &random)

        let right = try SRP.computeCheck(
            password: password, salt1: salt1, salt2: salt2, g: 3, p: p, srpB: server.srpB, a: random.bytes(256))
        XCTAssertTrue(server.verify(A: right.A, M1: right.M1))

        let wrong = try SRP.computeCheck(
            password: Array("battery staple".utf8), salt1: salt1, salt2: salt2, g: 3, p: p, srpB: server.srpB,
            a: random.bytes(256))
        XCTAssertFalse(server.verify(A: wrong.A, M1: wrong.M1))
        XCTAssertFalse(server.verify(A: right.A, M1: wrong.M1), "proof of another session accepted")
        XCTAssertFalse(server.verify(A: [UInt8](repeating: 0, count: 256), M1: right.M1), "A = 0 accepted")
    }

    func testRejectsSrpBOutsideTheGroup() throws {
        let p = try DHChecks.telegramPrime.bytes(paddedTo: 256)
        for srpB in [[UInt8](repeating: 0, count: 256), p] {
            XCTAssertThrowsError(try SRP.computeCheck(
                password: [1], salt1: [2], salt2: [3], g: 3, p: p, srpB: srpB, a: [UInt8](repeating: 1, count: 256))) {
                XCTAssertEqual($0 as? CryptoError, .srpCheckFailed("srp_B is not between 0 and p"))
            }
        }
    }
}
