@testable import MTProtoCrypto
import XCTest

/// Diffie-Hellman parameter checks from https://core.telegram.org/mtproto/auth_key, with grammers'
/// p/g validity cases from ../shared/vectors/srp.json (`two_factor_auth.rs` test_check_p_and_g).
final class DHChecksTests: XCTestCase {
    func testTelegramPrimeIsTheOneInThePublishedVectors() throws {
        let v = try XCTUnwrap(try Vectors.load("srp").objects("vectors").first { $0["id"] as? String == "gotd_TestSRP" })
        XCTAssertEqual(DHChecks.telegramPrime, BigNum(try v.bytes("p")))
    }

    func testTelegramPrimeIsASafePrimeAndAcceptsG3() throws {
        // The fast path skips these tests; run them once to back the constant.
        let p = DHChecks.telegramPrime
        XCTAssertTrue(p.isProbablePrime)
        XCTAssertTrue(((p - BigNum(1)) >> 1).isProbablePrime)
        XCTAssertNoThrow(try DHChecks.validate(prime: p, g: 3))
    }

    func testRejectsCompositeAndShortPrimes() {
        // With g = 4 no residue condition applies, so the primality test itself must reject it.
        XCTAssertThrowsError(try DHChecks.validate(prime: DHChecks.telegramPrime + BigNum(2), g: 4)) {
            XCTAssertEqual($0 as? CryptoError, .dhCheckFailed("dh_prime is not prime"))
        }
        XCTAssertThrowsError(try DHChecks.validate(prime: DHChecks.telegramPrime >> 1, g: 3)) {
            XCTAssertEqual($0 as? CryptoError, .dhCheckFailed("dh_prime is not a 2048-bit number"))
        }
    }

    func testGrammersPrimeAndGeneratorCases() throws {
        let cases = try Vectors.load("srp").object("p_g_validity_cases").objects("cases")
        XCTAssertEqual(cases.count, 16)
        for c in cases {
            let (p, g) = (try c.int("p"), try c.int("g"))
            let valid = try XCTUnwrap(c["valid"] as? Bool)
            let accepted = (try? DHChecks.validateGroup(prime: BigNum(UInt64(p)), g: g)) != nil
            XCTAssertEqual(accepted, valid, "p = \(p), g = \(g)")
        }
    }

    func testPublicValueBoundsAreInclusiveAt2To1984FromEitherEnd() {
        let p = DHChecks.telegramPrime
        let margin = BigNum(1) << 1984
        XCTAssertNoThrow(try DHChecks.validateGA(margin, prime: p))
        XCTAssertNoThrow(try DHChecks.validateGA(p - margin, prime: p))
        for outside in [BigNum(1), BigNum(2), margin - BigNum(1), p - margin + BigNum(1), p - BigNum(1), p] {
            XCTAssertThrowsError(try DHChecks.validateGA(outside, prime: p), "\(outside)")
        }
    }
}
