import Foundation
@testable import MTProtoTransport
import XCTest

/// The CRC32 of the full transport against tdlib's references (`crc32_reference` in
/// `../shared/vectors/transport.json`, from tdlib/td `tdutils/test/crypto.cpp`, `TEST(Crypto, crc32)`,
/// commit 022d60202e44).
final class CRC32Tests: XCTestCase {
    private struct Reference: Decodable {
        struct Case: Decodable {
            let inputAscii: String
            let crc32: String
        }
        let cases: [Case]
    }

    private struct File: Decodable {
        let crc32Reference: Reference
    }

    func testCRC32MatchesTdlibReferences() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let file = try decoder.decode(File.self, from: Data(contentsOf: transportVectorsURL))
        XCTAssertEqual(file.crc32Reference.cases.count, 4)
        for reference in file.crc32Reference.cases {
            // The JSON writes the 1,000,000-byte input as "'a' x 1000000".
            let input: [UInt8] =
                reference.inputAscii == "'a' x 1000000"
                ? Array(repeating: UInt8(ascii: "a"), count: 1_000_000)
                : Array(reference.inputAscii.utf8)
            XCTAssertEqual(CRC32.checksum(input[...]), UInt32(reference.crc32), reference.inputAscii)
        }
    }
}
