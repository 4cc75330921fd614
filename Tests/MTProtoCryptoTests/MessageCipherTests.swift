import MTProtoCrypto
import XCTest

/// The MTProto 2.0 envelope against ../shared/vectors/kdf_v2.json: grammers `encrypt_client_data_v2`
/// and `decrypt_server_data_v2` (gotd `cipher_encrypt_test.go` / `cipher_decrypt_test.go` hold the same values).
final class MessageCipherTests: XCTestCase {
    private func vector(_ id: String) throws -> [String: Any] {
        try XCTUnwrap(try Vectors.load("kdf_v2").objects("vectors").first { $0["id"] as? String == id })
    }

    func testEncryptsGrammersClientVector() throws {
        // grammers pads with 16 + (16 - len % 16) bytes taken from an all-zero random buffer.
        let v = try vector("encrypt_client_data_v2")
        let padding = [UInt8](repeating: 0, count: try v.int("padding_length_used"))
        let packet = try MessageCipher.encrypt(
            plaintext: v.bytes("plaintext") + padding, authKey: AuthKey(v.bytes("auth_key")), side: .client)
        XCTAssertEqual(hexString(packet), try v.string("expected_packet"))
    }

    func testDecryptsRecordedServerPacket() throws {
        let v = try vector("decrypt_server_data_v2")
        let plaintext = try MessageCipher.decrypt(packet: v.bytes("packet"), authKey: AuthKey(v.bytes("auth_key")), side: .server)
        XCTAssertEqual(hexString(plaintext), try v.string("expected_plaintext"))
    }

    func testDecryptRejectsAFlippedCiphertextBit() throws {
        let v = try vector("decrypt_server_data_v2")
        var packet = try v.bytes("packet")
        packet[40] ^= 0x01
        XCTAssertThrowsError(try MessageCipher.decrypt(packet: packet, authKey: AuthKey(v.bytes("auth_key")), side: .server)) {
            XCTAssertEqual($0 as? CryptoError, .msgKeyMismatch)
        }
    }

    func testDecryptRejectsTheWrongSide() throws {
        let v = try vector("decrypt_server_data_v2")
        XCTAssertThrowsError(try MessageCipher.decrypt(packet: v.bytes("packet"), authKey: AuthKey(v.bytes("auth_key")), side: .client)) {
            XCTAssertEqual($0 as? CryptoError, .msgKeyMismatch)
        }
    }

    func testDecryptRejectsAnotherKeysPacket() throws {
        let v = try vector("decrypt_server_data_v2")
        XCTAssertThrowsError(try MessageCipher.decrypt(packet: v.bytes("packet"), authKey: AuthKey(sequentialBytes(256)), side: .server)) {
            XCTAssertEqual($0 as? CryptoError, .authKeyIdMismatch)
        }
    }

    func testDecryptRejectsTruncatedPackets() throws {
        let v = try vector("decrypt_server_data_v2")
        let key = try AuthKey(v.bytes("auth_key"))
        let packet = try v.bytes("packet")
        for length in [0, 8, 24, packet.count - 1] {
            XCTAssertThrowsError(try MessageCipher.decrypt(packet: Array(packet[0..<length]), authKey: key, side: .server)) {
                XCTAssertEqual($0 as? CryptoError, .invalidLength(length))
            }
        }
    }

    func testServerDecryptsWhatClientEncrypted() throws {
        let key = try AuthKey(sequentialBytes(256, from: 7))
        var random = SystemRandom()
        let message = random.bytes(100)
        let plaintext = message + MessageCipher.padding(forLength: message.count, random: &random)
        let packet = try MessageCipher.encrypt(plaintext: plaintext, authKey: key, side: .client)
        XCTAssertEqual(try MessageCipher.decrypt(packet: packet, authKey: key, side: .client), plaintext)
    }

    func testPaddingIs12To1024BytesAndAlignsToBlocks() {
        // The property gotd TestCountPadding checks for every length in 0..<4096 (kdf_v2.json facts).
        var random = SystemRandom()
        for length in 0..<4096 {
            let padding = MessageCipher.padding(forLength: length, random: &random)
            XCTAssert((12...1024).contains(padding.count), "length \(length): \(padding.count)")
            XCTAssertEqual((length + padding.count) % 16, 0, "length \(length)")
        }
    }

    func testPaddingSizeDependsOnLowFourBitsOfTheSizeByte() {
        // gotd TestCountPaddingJitter: countPadding(64, 0x0F) == countPadding(64, 0x00) + 15 * 16.
        func paddingCount(_ sizeByte: UInt8) -> Int {
            var random = SizeByteRandom(sizeByte: sizeByte)
            return MessageCipher.padding(forLength: 64, random: &random).count
        }
        XCTAssertEqual(paddingCount(0x0F), paddingCount(0x00) + 15 * 16)
        XCTAssertEqual(paddingCount(0xF3), paddingCount(0x03))
    }

    func testPaddingDrawsSizeByteThenPaddingBytes() {
        // A size byte of 0x02 asks for two extra blocks above the minimum (12 + 4 for length 0).
        var random = ReplayRandom([[0x02], [UInt8](repeating: 0xAB, count: 48)])
        XCTAssertEqual(MessageCipher.padding(forLength: 0, random: &random), [UInt8](repeating: 0xAB, count: 48))
        XCTAssertEqual(random.remaining, 0)
    }
}

/// Answers the first draw with a fixed size byte and later draws with zeros.
private struct SizeByteRandom: RandomSource {
    var sizeByte: UInt8?

    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        if let sizeByte, !buffer.isEmpty {
            buffer[0] = sizeByte
            self.sizeByte = nil
        }
    }
}
