import TL
import XCTest
@testable import MTProto

final class GzipTests: XCTestCase {
    func testPackedBodiesInflateBackToTheOriginal() throws {
        let body = Array(repeating: Array("tgcron archives channels ".utf8), count: 100).flatMap { $0 }
        let packed = try XCTUnwrap(GzipPacked.pack(body))
        XCTAssertLessThan(packed.count, body.count)
        XCTAssertEqual(ServiceConstructor.of(packed), 0x3072cfa1)
        XCTAssertEqual(try GzipPacked.unpack(packed, limit: body.count), body)
    }

    func testIncompressibleBodiesAreNotPacked() {
        var random = SeededRandom(seed: 1)
        XCTAssertNil(GzipPacked.pack(random.bytes(600)))
    }

    func testInflatingPastTheLimitStops() throws {
        let bomb = try XCTUnwrap(GzipPacked.pack([UInt8](repeating: 0, count: 4 << 20)))
        XCTAssertLessThan(bomb.count, 8 << 10)
        XCTAssertThrowsError(try GzipPacked.unpack(bomb, limit: 1 << 20)) { error in
            XCTAssertEqual(error as? MTProtoError, .decompressedTooLarge(limit: 1 << 20))
        }
    }

    func testCorruptAndTruncatedStreamsAreRejected() throws {
        let body = [UInt8](repeating: 7, count: 4096)
        let compressed = try XCTUnwrap(Gzip.compress(body))
        XCTAssertThrowsError(try Gzip.decompress(Array(compressed.dropLast(12)), limit: 1 << 20)) { error in
            XCTAssertEqual(error as? MTProtoError, .invalidCompressedData)
        }
        XCTAssertThrowsError(try Gzip.decompress([1, 2, 3, 4, 5, 6, 7, 8], limit: 1 << 20)) { error in
            XCTAssertEqual(error as? MTProtoError, .invalidCompressedData)
        }
    }
}
