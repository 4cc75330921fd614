import MTProtoCrypto
import XCTest

final class BigNumTests: XCTestCase {
    func testDecimalAndBytesRoundTrip() throws {
        let value = try BigNum(decimal: "340282366920938463463374607431768211457")  // 2^128 + 1
        XCTAssertEqual(value.description, "340282366920938463463374607431768211457")
        XCTAssertEqual(value.bytes, [1] + [UInt8](repeating: 0, count: 15) + [1])
        XCTAssertEqual(value.bitCount, 129)
        XCTAssertEqual(BigNum(value.bytes), value)
        XCTAssertEqual(BigNum([0, 0, 5]), BigNum(5))
        XCTAssertTrue(BigNum([]).isZero)
        XCTAssertEqual(try BigNum(decimal: "-5"), BigNum(0) - BigNum(5))
    }

    func testRejectsMalformedDecimals() {
        for text in ["", "-", "12a", " 1", "0x10", "1.5"] {
            XCTAssertThrowsError(try BigNum(decimal: text), text) {
                XCTAssertEqual($0 as? CryptoError, .invalidNumber)
            }
        }
    }

    func testPaddedBytesFailWhenTheValueDoesNotFit() throws {
        XCTAssertEqual(try BigNum(0x0102).bytes(paddedTo: 4), [0, 0, 1, 2])
        XCTAssertThrowsError(try BigNum(0x010203).bytes(paddedTo: 2))
        XCTAssertThrowsError(try (BigNum(1) - BigNum(2)).bytes(paddedTo: 8), "negative value encoded")
    }

    func testArithmeticAndNonNegativeModulo() throws {
        let difference = BigNum(3) - BigNum(10)
        XCTAssertTrue(difference.isNegative)
        XCTAssertEqual(try difference.mod(BigNum(5)), BigNum(3))
        XCTAssertEqual(BigNum(6) * BigNum(7) + BigNum(1), BigNum(43))
        XCTAssertEqual(try BigNum(3).modExp(BigNum(6), BigNum(47)), BigNum(24))
        XCTAssertEqual(try BigNum(3).modExp(BigNum(5), BigNum(8)), BigNum(3), "even modulus")
        XCTAssertThrowsError(try BigNum(3).mod(BigNum(0)))
        XCTAssertEqual((BigNum(1) << 70) >> 69, BigNum(2))
        XCTAssertLessThan(BigNum(2), BigNum(3))
        XCTAssertEqual(BigNum(UInt64.max).uint64Value, UInt64.max)
        XCTAssertNil((BigNum(1) << 64).uint64Value)
    }
}
