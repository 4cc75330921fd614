import Foundation
import TL
import XCTest

/// Bytes serialized by Telethon 1.45 (an independent implementation) decode into our types and
/// re-encode to the identical bytes. Fixtures: Tests/TLTests/Fixtures/telethon.jsonl, made by
/// Tests/Interop/make_telethon_fixtures.py (only constructors whose ids are the same in layers 228 and 229).
final class TelethonFixtureTests: XCTestCase {
    private struct Fixture: Decodable {
        let name: String
        let kind: String
        let constructor: String
        let constructor_id: String
        let hex: String
    }

    private func loadFixtures() throws -> [Fixture] {
        let url = TestSchemas.repositoryRoot.appendingPathComponent("Tests/TLTests/Fixtures/telethon.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Fixture.self, from: Data($0.utf8)) }
    }

    func testAtLeastSixtyDiverseFixturesArePresent() throws {
        let fixtures = try loadFixtures()
        XCTAssertGreaterThanOrEqual(fixtures.count, 60)
        XCTAssertGreaterThanOrEqual(Set(fixtures.map(\.constructor)).count, 40)
        XCTAssertTrue(fixtures.contains { $0.kind == "request" })
    }

    func testTelethonObjectsDecodeAndReencodeIdentically() throws {
        for fixture in try loadFixtures() where fixture.kind == "object" {
            let bytes = try XCTUnwrap(TLHex.decode(fixture.hex), fixture.name)
            let id = try XCTUnwrap(UInt32(fixture.constructor_id, radix: 16), fixture.name)
            let type = try XCTUnwrap(Api.objectType(for: id), "\(fixture.name): no type for \(fixture.constructor)")
            try assertIdentical(type, bytes, fixture.name)
        }
    }

    func testTelethonRequestsDecodeAndReencodeIdentically() throws {
        for fixture in try loadFixtures() where fixture.kind == "request" {
            let bytes = try XCTUnwrap(TLHex.decode(fixture.hex), fixture.name)
            let id = try XCTUnwrap(UInt32(fixture.constructor_id, radix: 16), fixture.name)
            let type = try XCTUnwrap(Api.functionType(for: id), "\(fixture.name): no type for \(fixture.constructor)")
            try assertIdentical(type, bytes, fixture.name)
        }
    }

    func testTelethonGetHistoryDecodesToTheExpectedFields() throws {
        let fixture = try XCTUnwrap(try loadFixtures().first { $0.constructor == "messages.getHistory" })
        let request = try Api.Messages.GetHistory(bytes: try XCTUnwrap(TLHex.decode(fixture.hex)))
        guard case .inputPeerChannel(let channel) = request.peer else {
            return XCTFail("expected a channel peer, got \(request.peer)")
        }
        XCTAssertNotEqual(channel.channelId, 0)
        XCTAssertLessThanOrEqual(request.limit, 100)
    }

    private func assertIdentical<T: TLDeserializable & TLSerializable>(_ type: T.Type, _ bytes: [UInt8],
                                                                       _ name: String) throws {
        do {
            let value = try T(bytes: bytes)
            XCTAssertEqual(TLHex.encode(value.serialized()), TLHex.encode(bytes), "\(name): bytes differ after re-encoding")
        } catch {
            XCTFail("\(name): \(error)")
        }
    }
}
