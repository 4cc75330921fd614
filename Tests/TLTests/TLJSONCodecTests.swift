import TL
import TLSchema
import XCTest

/// The schema-driven JSON view behind `tgcron tl decode/encode` is lossless and readable.
final class TLJSONCodecTests: XCTestCase {
    private let codec = TLJSONCodec()

    func testEveryConstructorSurvivesBytesToJSONTextAndBack() throws {
        var checked = 0
        // Each schema builds its own samples: they resolve type names differently (`Message`).
        for schema in [TestSchemas.api, TestSchemas.mtproto] {
            var builder = SchemaSampleBuilder(definitions: schema)
            for definition in schema where definition.id != nil && (definition.isFunction || definition.type != .bool) {
                for optionals in [SchemaSampleBuilder.Optionals.allPresent, .allAbsent] {
                    let bytes = builder.bytes(for: definition, optionals: optionals)
                    let text = try codec.decode(bytes).text()
                    XCTAssertEqual(try codec.encode(json: text), bytes, "\(definition.name) (\(optionals))")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 2400)
    }

    func testJSONShowsNamesFieldsAndHexBytes() throws {
        let request = Api.Messages.GetHistory(
            peer: .inputPeerChannel(.init(channelId: 1_234_567_890_123, accessHash: -42)),
            offsetId: 0, offsetDate: 0, addOffset: -100, limit: 100, maxId: 0, minId: 0, hash: 0)
        let json = try codec.decode(request.serialized())
        XCTAssertEqual(json["_"], .string("messages.getHistory"))
        XCTAssertEqual(json["add_offset"], .integer(-100))
        XCTAssertEqual(json["peer"]?["_"], .string("inputPeerChannel"))
        XCTAssertEqual(json["peer"]?["channel_id"], .integer(1_234_567_890_123))
        let bytes = try codec.decode(Api.Auth.ExportedAuthorization(id: 5, bytes: [0xde, 0xad]).serialized())
        XCTAssertEqual(bytes["bytes"], .string("dead"))
    }

    func testTrueFlagsAreBooleansAndAbsentOptionalsAreOmitted() throws {
        let json = try codec.decode(Api.Contacts.ResolveUsername(username: "durov").serialized())
        XCTAssertNil(json["referer"])
        XCTAssertNil(json["flags"])
        let message = try codec.encode(json: #"{"_": "inputPeerChannel", "channel_id": 7, "access_hash": 8}"#)
        XCTAssertEqual(message, Api.InputPeer.inputPeerChannel(.init(channelId: 7, accessHash: 8)).serialized())
    }

    func testInvalidUTF8StringsKeepTheirBytes() throws {
        var writer = TLWriter()
        writer.write(UInt32(0x725afbbc))  // contacts.resolveUsername#725afbbc
        writer.write(UInt32(0))
        writer.writeBytes([0x61, 0xc3, 0x28])
        let json = try codec.decode(writer.bytes)
        XCTAssertEqual(json["username"]?["_invalid_utf8"], .string("61c328"))
        XCTAssertEqual(try codec.encode(json), writer.bytes)
    }

    func testBadJSONNamesThePlaceAndTheProblem() {
        XCTAssertThrowsError(try codec.encode(json: #"{"_": "inputPeerChanel"}"#)) { error in
            XCTAssertEqual("\(error)", "$: 'inputPeerChanel' is not a constructor or function of layer 228")
        }
        XCTAssertThrowsError(try codec.encode(json: #"{"_": "inputPeerChannel", "channel_id": 7}"#)) { error in
            XCTAssertEqual("\(error)", "$: missing field 'access_hash'")
        }
        XCTAssertThrowsError(try codec.encode(json: #"{"_": "inputPeerChannel", "channel_id": "x", "access_hash": 1}"#)) { error in
            XCTAssertEqual("\(error)", "$.channel_id: expected a TL long")
        }
        XCTAssertThrowsError(try codec.encode(json: "{\n  \"_\": ]")) { error in
            XCTAssertEqual("\(error)", "invalid JSON at 2:8: unexpected character")
        }
    }

    func testTruncatedAndUnknownBytesAreClearErrors() {
        XCTAssertThrowsError(try codec.decode([0x01, 0x02, 0x03, 0x04])) { error in
            XCTAssertEqual("\(error)", "unknown constructor 0x04030201 for type Object at byte 0")
        }
        let bytes = Api.InputPeer.inputPeerChannel(.init(channelId: 7, accessHash: 8)).serialized()
        XCTAssertThrowsError(try codec.decode(Array(bytes.dropLast(2)))) { error in
            XCTAssertEqual("\(error)", "TL input truncated at byte 12: 2 more byte(s) needed")
        }
    }
}
