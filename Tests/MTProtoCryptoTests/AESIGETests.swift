import MTProtoCrypto
import XCTest

/// AES-IGE against ../shared/vectors/aes_ige.json. Each vector names its source: grammers
/// `grammers-crypto/src/lib.rs`, gotd/ige `ige_test.go` (OpenSSL igetest), old Telethon
/// `telethon_tests/test_crypto.py`, the Telegram docs auth-key sample, and tdlib `tdutils/test/crypto.cpp`.
final class AESIGETests: XCTestCase {
    private func vectors() throws -> [[String: Any]] {
        try Vectors.load("aes_ige").objects("vectors")
    }

    private func vector(_ id: String) throws -> [String: Any] {
        try XCTUnwrap(vectors().first { $0["id"] as? String == id }, "missing vector \(id)")
    }

    func testEveryVectorIsCovered() throws {
        let ids = Set(try vectors().compactMap { $0["id"] as? String })
        XCTAssertEqual(ids, [
            "grammers_verify_ige_encryption", "grammers_verify_ige_decryption",
            "openssl_igetest_vector_1", "openssl_igetest_vector_2",
            "telethon_v1_aes_padded", "telethon_v1_aes_first_block_only",
            "telegram_docs_server_dh_answer", "telegram_docs_client_dh_encrypt",
            "tdlib_aes_ige_state_crc32",
        ])
    }

    func testEncryptVectorsProduceTheirCiphertext() throws {
        // grammers verify_ige_encryption; Telegram docs client_DH_inner_data encryption.
        for id in ["grammers_verify_ige_encryption", "telegram_docs_client_dh_encrypt"] {
            let v = try vector(id)
            let ciphertext = try AESIGE.encrypt(v.bytes("plaintext"), key: v.bytes("key"), iv: v.bytes("iv"))
            XCTAssertEqual(hexString(ciphertext), try v.string("ciphertext"), id)
        }
    }

    func testDecryptVectorsProduceTheirPlaintext() throws {
        // grammers verify_ige_decryption; Telegram docs server_DH_params_ok encrypted_answer.
        for id in ["grammers_verify_ige_decryption", "telegram_docs_server_dh_answer"] {
            let v = try vector(id)
            let plaintext = try AESIGE.decrypt(v.bytes("ciphertext"), key: v.bytes("key"), iv: v.bytes("iv"))
            XCTAssertEqual(hexString(plaintext), try v.string("plaintext"), id)
        }
    }

    func testTwoWayVectorsIncludingAES128RoundTrip() throws {
        // OpenSSL igetest vectors 1 and 2 (AES-128, via gotd/ige) and old Telethon's padded vector.
        for id in ["openssl_igetest_vector_1", "openssl_igetest_vector_2", "telethon_v1_aes_padded"] {
            let v = try vector(id)
            let (key, iv) = (try v.bytes("key"), try v.bytes("iv"))
            XCTAssertEqual(key.count * 8, try v.int("key_bits"), id)
            XCTAssertEqual(hexString(try AESIGE.encrypt(v.bytes("plaintext"), key: key, iv: iv)), try v.string("ciphertext"), id)
            XCTAssertEqual(hexString(try AESIGE.decrypt(v.bytes("ciphertext"), key: key, iv: iv)), try v.string("plaintext"), id)
        }
    }

    func testFirstBlockMatchesWhenTheRestWasRandomPadding() throws {
        // Old Telethon padded its 21-byte plaintext with random bytes, so only block 0 is fixed.
        let v = try vector("telethon_v1_aes_first_block_only")
        let firstBlock = Array(try v.bytes("plaintext")[0..<16])
        let ciphertext = try AESIGE.encrypt(firstBlock, key: v.bytes("key"), iv: v.bytes("iv"))
        let expected = Array(try v.bytes("ciphertext_32_bytes_as_written")[0..<16])
        XCTAssertEqual(ciphertext, expected)
    }

    func testTdlibAesIgeStateCRC32Answers() throws {
        // tdlib TEST(Crypto, AesIgeState): inputs come from a linear congruential generator seeded
        // with the length; tdlib publishes only the CRC32 of each ciphertext.
        let v = try vector("tdlib_aes_ige_state_crc32")
        for testCase in try v.objects("cases") {
            let length = try testCase.int("length")
            var seed = UInt32(length)
            func next(_ count: Int) -> [UInt8] {
                (0..<count).map { _ in
                    seed = seed &* 123_457_567 &+ 987_651_241
                    return UInt8((seed >> 23) & 255)
                }
            }
            let plaintext = next(length)
            let key = next(32)
            let iv = next(32)
            let ciphertext = try AESIGE.encrypt(plaintext, key: key, iv: iv)
            XCTAssertEqual(Int(crc32(ciphertext)), try testCase.int("expected_crc32_of_ciphertext"), "length \(length)")
            XCTAssertEqual(try AESIGE.decrypt(ciphertext, key: key, iv: iv), plaintext, "length \(length)")
        }
    }

    func testInPlaceVariantsMatchTheCopyingOnes() throws {
        let v = try vector("telegram_docs_server_dh_answer")
        let (key, iv) = (try v.bytes("key"), try v.bytes("iv"))
        var buffer = try v.bytes("ciphertext")
        try buffer.withUnsafeMutableBytes { try AESIGE.decrypt($0, key: key, iv: iv) }
        XCTAssertEqual(hexString(buffer), try v.string("plaintext"))
        try buffer.withUnsafeMutableBytes { try AESIGE.encrypt($0, key: key, iv: iv) }
        XCTAssertEqual(hexString(buffer), try v.string("ciphertext"))
    }

    func testRejectsLengthsThatAreNotWholeBlocks() {
        let key = [UInt8](repeating: 1, count: 32)
        let iv = [UInt8](repeating: 2, count: 32)
        XCTAssertThrowsError(try AESIGE.encrypt([UInt8](repeating: 0, count: 17), key: key, iv: iv)) {
            XCTAssertEqual($0 as? CryptoError, .invalidLength(17))
        }
        XCTAssertThrowsError(try AESIGE.decrypt([UInt8](repeating: 0, count: 16), key: Array(key[0..<24]), iv: iv)) {
            XCTAssertEqual($0 as? CryptoError, .invalidKeyLength(24))
        }
        XCTAssertThrowsError(try AESIGE.decrypt([UInt8](repeating: 0, count: 16), key: key, iv: Array(iv[0..<16]))) {
            XCTAssertEqual($0 as? CryptoError, .invalidIVLength(16))
        }
    }
}
