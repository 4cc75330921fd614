import MTProtoCrypto
import MTProtoTransport
import XCTest

/// MTProxy's obfuscation: the secret hashed into both keys and the DC id in header bytes 60-61, checked with
/// keys derived in the test from the spec's words (https://core.telegram.org/mtproto/mtproto-transports).
final class MTProxyTests: XCTestCase {
    private let secretHex = "0123456789abcdef0123456789abcdef"

    func testSecretsOfTheThreeFormsParseOrAreRefusedWithoutShowingThem() throws {
        let plain = try MTProxySecret(hex: secretHex)
        XCTAssertFalse(plain.requiresPadding)
        XCTAssertEqual(plain.key.count, 16)
        let padded = try MTProxySecret(hex: "DD" + secretHex)
        XCTAssertTrue(padded.requiresPadding)
        XCTAssertEqual(padded.key, plain.key)
        XCTAssertFalse(padded.description.contains(secretHex))
        XCTAssertThrowsError(try MTProxySecret(hex: "ee" + secretHex + "6578616d706c652e636f6d")) {
            XCTAssertEqual($0 as? MTProxySecret.ParseError, .fakeTLS)
        }
        XCTAssertThrowsError(try MTProxySecret(hex: "zz" + secretHex.dropFirst(2))) {
            XCTAssertEqual($0 as? MTProxySecret.ParseError, .notHex)
        }
        XCTAssertThrowsError(try MTProxySecret(hex: "00" + secretHex)) {
            XCTAssertEqual($0 as? MTProxySecret.ParseError, .wrongLength(bytes: 17))
        }
    }

    func testTheHeaderIsKeyedWithTheSecretAndCarriesTheDCIDLittleEndian() throws {
        let secret = try MTProxySecret(hex: "dd" + secretHex)
        for dc: Int16 in [2, -3] {
            var client = try ObfuscatedFraming(
                clientWrapping: .paddedIntermediate, random: SeededRandom(seed: 5), dcID: dc, secret: secret.key)
            let wire = try client.encode([1, 2, 3, 4])
            let header = Array(wire[0..<64])
            var proxy = try AESCTR(key: Hash.sha256(Array(header[8..<40]), secret.key), iv: Array(header[40..<56]))
            var plain = header
            proxy.apply(&plain)
            XCTAssertEqual(Array(plain[56..<60]), [0xdd, 0xdd, 0xdd, 0xdd])
            let value = UInt16(bitPattern: dc)
            XCTAssertEqual(Array(plain[60..<62]), [UInt8(value & 0xff), UInt8(value >> 8)])
            var unkeyed = try AESCTR(key: Array(header[8..<40]), iv: Array(header[40..<56]))
            var wrong = header
            unkeyed.apply(&wrong)
            XCTAssertNotEqual(Array(wrong[56..<60]), [0xdd, 0xdd, 0xdd, 0xdd], "without the secret the tag is noise")
        }
    }
}
