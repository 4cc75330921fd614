import MTProtoCrypto
import XCTest

/// The one-pass AES-256-IGE decryption + SHA-256 (`AESIGE.decrypt(_:key:iv:hashingAfter:)`, AES-NI and
/// SHA-NI where the CPU has them) against AES-IGE and SHA-256 run separately, and MessageCipher's
/// msg_key check that now rests on it.
final class AESIGEHashingTests: XCTestCase {
    /// Lengths around every SHA-256 block boundary the 32-byte prefix shifts (16 ... 400 bytes), then
    /// seeded random ones up to 2 MiB; each compared with AESIGE.decrypt followed by Hash.sha256.
    func testMatchesSeparateDecryptAndHash() throws {
        var random = SeededRandom(seed: 15)
        var lengths = Array(stride(from: 16, through: 400, by: 16))
        lengths += (0..<6).map { _ in 16 * Int.random(in: 26...(2 << 16), using: &random) }
        lengths.append(2 << 20)
        for length in lengths {
            let key = random.bytes(32), iv = random.bytes(32), prefix = random.bytes(32)
            let ciphertext = random.bytes(length)
            let plaintext = try AESIGE.decrypt(ciphertext, key: key, iv: iv)
            var data = ciphertext
            let digest = try data.withUnsafeMutableBytes { buffer throws(CryptoError) in
                try AESIGE.decrypt(buffer, key: key, iv: iv, hashingAfter: prefix)
            }
            XCTAssertEqual(data, plaintext, "plaintext, length \(length)")
            XCTAssertEqual(digest, Hash.sha256(prefix, plaintext), "digest, length \(length)")
        }
    }

    func testRejectsBadArguments() throws {
        var data = [UInt8](repeating: 0, count: 32)
        let bytes32 = [UInt8](repeating: 1, count: 32)
        let cases: [([UInt8], [UInt8], [UInt8], Int, CryptoError)] = [
            (Array(bytes32[0..<16]), bytes32, bytes32, 32, .invalidKeyLength(16)),
            (bytes32, Array(bytes32[0..<16]), bytes32, 32, .invalidIVLength(16)),
            (bytes32, bytes32, Array(bytes32[0..<31]), 32, .invalidLength(31)),
            (bytes32, bytes32, bytes32, 24, .invalidLength(24)),
        ]
        for (key, iv, prefix, length, expected) in cases {
            XCTAssertThrowsError(try data.withUnsafeMutableBytes { buffer throws(CryptoError) in
                try AESIGE.decrypt(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<length]), key: key, iv: iv,
                                   hashingAfter: prefix)
            }) { XCTAssertEqual($0 as? CryptoError, expected) }
        }
    }

    /// Packets from both sides (x = 0 and x = 8) of random sizes decrypt to what was encrypted, and one
    /// flipped byte anywhere in the encrypted part fails the msg_key check.
    func testMessageCipherRoundTripsAndRejectsTamperingOnBothSides() throws {
        var random = SeededRandom(seed: 8)
        let authKey = try AuthKey(random.bytes(256))
        for side in [Side.client, .server] {
            for blocks in [3, 4, 5, 7, 64, 65_537] {
                let plaintext = random.bytes(16 * blocks)
                let packet = try MessageCipher.encrypt(plaintext: plaintext, authKey: authKey, side: side)
                XCTAssertEqual(try MessageCipher.decrypt(packet: packet, authKey: authKey, side: side), plaintext)
                var tampered = packet
                let at = MessageCipher.headerLength + Int.random(in: 0..<(16 * blocks), using: &random)
                tampered[at] ^= 0x20
                XCTAssertThrowsError(try MessageCipher.decrypt(packet: tampered, authKey: authKey, side: side)) {
                    XCTAssertEqual($0 as? CryptoError, .msgKeyMismatch, "\(side), \(blocks) blocks, byte \(at)")
                }
            }
        }
    }
}
