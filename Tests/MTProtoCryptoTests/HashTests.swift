import MTProtoCrypto
import XCTest

final class HashTests: XCTestCase {
    // "abc" digests from the FIPS 180-2 examples (SHA-1 Appendix A.1, SHA-256 B.1, SHA-512 C.1).
    func testDigestsMatchFIPS180Examples() {
        let abc = Array("abc".utf8)
        XCTAssertEqual(hexString(Hash.sha1(abc)), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(hexString(Hash.sha256(abc)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            hexString(Hash.sha512(abc)),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
    }

    func testSeveralPartsHashLikeTheirConcatenation() {
        let parts: [[UInt8]] = [Array("a".utf8), [], Array("bc".utf8)]
        XCTAssertEqual(Hash.sha256(parts[0], parts[1], parts[2]), Hash.sha256(Array("abc".utf8)))
        XCTAssertEqual(Hash.sha1(parts[0], parts[2]), Hash.sha1(Array("abc".utf8)))
    }

    func testPBKDF2HMACSHA512MatchesAnIndependentImplementation() throws {
        // Expected value computed with Python's hashlib.pbkdf2_hmac("sha512", b"password", b"salt", 1).
        let derived = try PBKDF2.hmacSHA512(password: Array("password".utf8), salt: Array("salt".utf8), iterations: 1)
        XCTAssertEqual(
            hexString(derived),
            "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                + "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce")
    }

    func testPBKDF2RejectsZeroIterations() {
        XCTAssertThrowsError(try PBKDF2.hmacSHA512(password: [1], salt: [2], iterations: 0)) {
            XCTAssertEqual($0 as? CryptoError, .invalidLength(0))
        }
    }
}
