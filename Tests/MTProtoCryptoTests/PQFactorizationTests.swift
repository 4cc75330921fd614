@testable import MTProtoCrypto
import XCTest

/// Factorization against ../shared/vectors/factorize.json (grammers `factorize.rs`, gotd `pq_test.go`,
/// old Telethon, the Telegram docs sample, grammers' recorded flow, tdlib `tdutils/test/pq.cpp`).
final class PQFactorizationTests: XCTestCase {
    func testEveryPublishedCaseSplitsIntoItsFactors() throws {
        let cases = try Vectors.load("factorize").objects("cases")
        XCTAssertEqual(cases.count, 14)
        for c in cases {
            let pq = try XCTUnwrap(UInt64(c.string("pq")))
            let result = try XCTUnwrap(PQFactorization.factorize(pq), "pq \(pq)")
            XCTAssertEqual(String(result.p), try c.string("p"), "pq \(pq)")
            XCTAssertEqual(String(result.q), try c.string("q"), "pq \(pq)")
        }
    }

    func testNumbersWithoutASplitGiveNil() throws {
        // tdlib TEST(CryptoPQ, hands) asserts pq_factorize(x) == 1 for these.
        let cases = try XCTUnwrap(try Vectors.load("factorize").object("non_factorable_in_tdlib")["cases"] as? [String])
        for text in cases {
            let value = try XCTUnwrap(UInt64(text))
            XCTAssertNil(PQFactorization.factorize(value), text)
        }
        XCTAssertNil(PQFactorization.factorize(18_446_744_073_709_551_557), "largest 64-bit prime")
    }

    func testPrimalityTestOnKnownValues() {
        XCTAssertTrue(PQFactorization.isPrime(4_294_967_291))
        XCTAssertFalse(PQFactorization.isPrime(3_215_031_751))  // strong pseudoprime to bases 2, 3, 5, 7
        XCTAssertFalse(PQFactorization.isPrime(1))
    }
}
