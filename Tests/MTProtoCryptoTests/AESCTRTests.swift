import MTProtoCrypto
import XCTest

final class AESCTRTests: XCTestCase {
    // NIST SP 800-38A (2001), Appendix F.5.5 "CTR-AES256.Encrypt".
    private let nistKey = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4"
    private let nistCounter = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"
    private let nistPlaintext = "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51"
        + "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710"
    private let nistCiphertext = "601ec313775789a5b7a7f504bbf3d228" + "f443e3ca4d62b59aca84e990cacaf5c5"
        + "2b0930daa23de94ce87017ba2d84988d" + "dfc9c58db67aada613c2dd08457941a6"

    func testEncryptsNISTSP80038ACTRAES256Vector() throws {
        var ctr = try AESCTR(key: hex(nistKey), iv: hex(nistCounter))
        var data = hex(nistPlaintext)
        ctr.apply(&data)
        XCTAssertEqual(hexString(data), nistCiphertext)
    }

    func testDecryptingIsApplyingTheSameKeystream() throws {
        var ctr = try AESCTR(key: hex(nistKey), iv: hex(nistCounter))
        var data = hex(nistCiphertext)
        ctr.apply(&data)
        XCTAssertEqual(hexString(data), nistPlaintext)
    }

    func testStreamingInOddSizedChunksEqualsOneShot() throws {
        let key = (0..<32).map { UInt8($0) }
        let iv = (0..<16).map { UInt8(0xF0 + $0 % 16) }  // counter wraps the low bytes early
        let plaintext = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }

        var oneShot = try AESCTR(key: key, iv: iv)
        var expected = plaintext
        oneShot.apply(&expected)

        var streaming = try AESCTR(key: key, iv: iv)
        var output = plaintext
        var offset = 0
        for size in [1, 3, 5, 7, 11, 13, 17, 31, 33, 100, 1]  where offset < output.count {
            let end = min(offset + size, output.count)
            output[offset..<end].withUnsafeMutableBytes { streaming.apply($0) }
            offset = end
        }
        output[offset...].withUnsafeMutableBytes { streaming.apply($0) }
        XCTAssertEqual(output, expected)
    }

    func testCopiesAdvanceIndependently() throws {
        var first = try AESCTR(key: hex(nistKey), iv: hex(nistCounter))
        var second = first
        var a = [UInt8](repeating: 0, count: 16)
        var b = [UInt8](repeating: 0, count: 16)
        first.apply(&a)
        second.apply(&b)
        XCTAssertEqual(a, b)
    }

    func testRejectsWrongKeyAndIVLengths() {
        XCTAssertThrowsError(try AESCTR(key: [UInt8](repeating: 0, count: 16), iv: [UInt8](repeating: 0, count: 16))) {
            XCTAssertEqual($0 as? CryptoError, .invalidKeyLength(16))
        }
        XCTAssertThrowsError(try AESCTR(key: [UInt8](repeating: 0, count: 32), iv: [UInt8](repeating: 0, count: 8))) {
            XCTAssertEqual($0 as? CryptoError, .invalidIVLength(8))
        }
    }
}
