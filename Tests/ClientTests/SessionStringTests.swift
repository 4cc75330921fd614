import Client
import Foundation
import MTProtoCrypto
import XCTest

/// Session strings: round trip, and typed errors that never quote the input.
final class SessionStringTests: XCTestCase {
    private let key = (0..<256).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }

    private var sample: SessionString {
        SessionString(homeDC: 2, userID: 123_456_789_012, dataCenters: [
            .init(address: DataCenterAddress(dc: 1, host: "127.0.0.1", port: 10_443), authKey: key.reversed()),
            .init(address: DataCenterAddress(dc: 2, host: "149.154.167.51", port: 443), authKey: key),
        ])
    }

    func testEncodedStringDecodesToTheSameLogin() throws {
        let text = sample.text
        XCTAssertFalse(text.contains("+") || text.contains("/") || text.contains("="), "base64url without padding")
        XCTAssertEqual(try SessionString(text), sample)
        XCTAssertEqual(try SessionString("  \(text)\n"), sample)
    }

    func testDescriptionIsRedacted() {
        let hex = key.map { String(format: "%02x", $0) }.joined()
        XCTAssertFalse(sample.description.contains(hex.prefix(16)))
        XCTAssertFalse(sample.description.contains(sample.text))
    }

    func testNotBase64() {
        assertDecodeFails("not a session!", .notBase64)
    }

    func testUnknownVersion() {
        var bytes = Array(Data(base64URL: sample.text))
        bytes[0] = 9
        assertDecodeFails(Data(bytes).base64URL, .unknownVersion(9))
    }

    func testTruncated() {
        let text = sample.text
        let cut = Data(Array(Data(base64URL: text)).prefix(40)).base64URL
        assertDecodeFails(cut, .checksumMismatch)
        assertDecodeFails(Data([1, 0, 0]).base64URL, .truncated)
    }

    func testTruncatedContentWithAValidChecksumIsTruncated() {
        let body: [UInt8] = [1, 0, 0, 0, 2]
        let sealed = body + Array(SHA256Prefix.of(body))
        assertDecodeFails(Data(sealed).base64URL, .truncated)
    }

    func testChecksumMismatch() {
        var bytes = Array(Data(base64URL: sample.text))
        bytes[20] ^= 0x01
        assertDecodeFails(Data(bytes).base64URL, .checksumMismatch)
    }

    private func assertDecodeFails(_ text: String, _ expected: SessionStringError, line: UInt = #line) {
        do {
            _ = try SessionString(text)
            XCTFail("decoded", line: line)
        } catch {
            XCTAssertEqual(error, expected, line: line)
            XCTAssertFalse(error.description.contains(text), "the description quotes the input", line: line)
        }
    }
}

/// The first 4 bytes of SHA-256, the session string's checksum.
private enum SHA256Prefix {
    static func of(_ bytes: [UInt8]) -> [UInt8] {
        Array(Hash.sha256(bytes).prefix(4))
    }
}

private extension Data {
    init(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self = Data(base64Encoded: base64) ?? Data()
    }

    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
