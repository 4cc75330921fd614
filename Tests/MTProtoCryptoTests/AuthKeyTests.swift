import MTProtoCrypto
import XCTest

/// AuthKey derived values against ../shared/vectors/auth_key.json (grammers `auth_key.rs`, the same
/// values as gotd TestAuthKeyID; and the Telegram docs auth-key sample).
final class AuthKeyTests: XCTestCase {
    private func vector(_ id: String) throws -> [String: Any] {
        try XCTUnwrap(try Vectors.load("auth_key").objects("vectors").first { $0["id"] as? String == id })
    }

    func testIdAuxHashAndNewNonceHashesOfSequentialKey() throws {
        let v = try vector("auth_key_seq_0_255")
        let key = try AuthKey(v.bytes("auth_key"))
        XCTAssertEqual(hexString(key.idBytes), try v.string("auth_key_id"))
        XCTAssertEqual(hexString(key.auxHash), try v.string("aux_hash"))
        let newNonce = try v.bytes("new_nonce")
        for number in 1...3 {
            XCTAssertEqual(
                hexString(key.newNonceHash(newNonce: newNonce, number: UInt8(number))),
                try v.string("new_nonce_hash\(number)"))
        }
    }

    func testTelegramDocsSampleNewNonceHash1AndDerivedId() throws {
        let v = try vector("telegram_docs_auth_key")
        let key = try AuthKey(v.bytes("auth_key"))
        let hash1 = key.newNonceHash(newNonce: try v.bytes("new_nonce"), number: 1)
        XCTAssertEqual(hexString(hash1), try v.string("new_nonce_hash1"))
        // Derived by the vector collector, not printed on the page.
        let derived = try v.object("collector_derived_not_on_page")
        XCTAssertEqual(hexString(key.idBytes), try derived.string("auth_key_id"))
        XCTAssertEqual(hexString(key.auxHash), try derived.string("aux_hash"))
    }

    func testIdIsTheWireBytesReadLittleEndian() throws {
        let key = try AuthKey(sequentialBytes(256))
        XCTAssertEqual(withUnsafeBytes(of: key.id.littleEndian) { Array($0) }, key.idBytes)
    }

    func testRejectsKeysThatAreNot256Bytes() {
        XCTAssertThrowsError(try AuthKey(sequentialBytes(255))) {
            XCTAssertEqual($0 as? CryptoError, .invalidKeyLength(255))
        }
    }
}
