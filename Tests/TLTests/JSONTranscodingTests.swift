import TL
import TLSchema
import XCTest

/// `transcodeJSON` (TL bytes straight to JSON, generated for `Message` and everything inside it) writes exactly
/// what decoding the bytes and calling `writeJSON` writes, and rejects what decoding rejects.
final class JSONTranscodingTests: XCTestCase {
    /// Messages built from the schema (constructors rotated near the root: every media, action, peer and
    /// entity kind a message can carry at its first levels), all optionals present and all absent.
    func testTranscodedMessagesMatchTheDecodedValuesJSON() throws {
        var builder = SchemaSampleBuilder(definitions: TestSchemas.api)
        let messages = TestSchemas.api.filter { !$0.isFunction && $0.type == .named("Message", bare: false) }
        XCTAssertEqual(Set(messages.map(\.name)), ["messageEmpty", "message", "messageService"])
        var checked = 0
        for round in 0..<400 {
            for definition in messages {
                let bytes = builder.bytes(for: definition, optionals: round % 4 == 3 ? .allAbsent : .allPresent)
                var decoded = TLReader(bytes, stringPolicy: .reject)
                let message = try Api.Message(from: &decoded)
                var expected = TLJSONWriter()
                message.writeJSON(into: &expected)

                var reader = TLReader(bytes)
                var json = TLJSONWriter()
                json.key(#"{"k":"#)
                try Api.Message.transcodeJSON(from: &reader, into: &json)
                XCTAssertEqual(reader.remaining, 0, "\(definition.name), round \(round)")
                XCTAssertEqual(json.text, #"{"k":"# + expected.text, "\(definition.name), round \(round)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 1200)
    }

    func testAMessageWithAStringThatIsNotUTF8IsRejectedAndCanBeDropped() throws {
        let valid = Api.Message.message(Api.Message.Message(
            id: 7, peerId: .peerChannel(Api.Peer.PeerChannel(channelId: 1)), date: 1_700_000_000, message: "héllo \"x\""))
        var bytes = valid.serialized()
        var json = TLJSONWriter()
        var reader = TLReader(bytes)
        try Api.Message.transcodeJSON(from: &reader, into: &json)
        XCTAssertEqual(json.text, valid.jsonText)

        // "héllo" is 68 c3 a9 6c 6c 6f: cut the two-byte é in half.
        guard let accent = bytes.firstIndex(of: 0xc3) else { return XCTFail("no é in the serialized message") }
        bytes[accent + 1] = 0x41
        json.removeAll()
        json.key("[")
        reader = TLReader(bytes)
        XCTAssertThrowsError(try Api.Message.transcodeJSON(from: &reader, into: &json)) { error in
            guard case TLDecodingError.invalidUTF8 = error else { return XCTFail("\(error)") }
        }
        json.truncate(to: 1)
        XCTAssertEqual(json.text, "[")
    }

    func testTruncatedAndUnknownBytesThrowAsDecodingDoes() throws {
        var builder = SchemaSampleBuilder(definitions: TestSchemas.api)
        guard let definition = TestSchemas.api.first(where: { $0.name == "message" }) else { return XCTFail("no message") }
        let bytes = builder.bytes(for: definition, optionals: .allPresent)
        for length in stride(from: 0, to: bytes.count, by: 3) {
            var reader = TLReader(Array(bytes[..<length]))
            var json = TLJSONWriter()
            XCTAssertThrowsError(try Api.Message.transcodeJSON(from: &reader, into: &json), "length \(length)")
        }
        var unknown = bytes
        unknown[0] ^= 0xff
        var reader = TLReader(unknown)
        var json = TLJSONWriter()
        XCTAssertThrowsError(try Api.Message.transcodeJSON(from: &reader, into: &json)) { error in
            guard case TLDecodingError.unknownConstructor = error else { return XCTFail("\(error)") }
        }
    }

    /// The validation inside `transcodeString` accepts exactly what Swift's `String(validating:)` accepts:
    /// every one- to four-byte sequence around the boundaries of table 3-7, and random bytes.
    func testStringValidationAgreesWithSwift() throws {
        let edges: [UInt8] = [0x00, 0x22, 0x5c, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0,
                              0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff]
        var samples: [[UInt8]] = []
        for a in edges {
            samples.append([a])
            for b in edges {
                samples.append([a, b])
                for c in edges where a >= 0xe0 {
                    samples.append([a, b, c])
                    for d in [UInt8(0x80), 0xbf, 0x41] where a >= 0xf0 { samples.append([a, b, c, d]) }
                }
            }
        }
        var random = SplitMix(seed: 17)
        for _ in 0..<5000 {
            samples.append((0..<Int(random.next() % 12)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
        for sample in samples {
            var writer = TLWriter()
            writer.writeBytes(sample)
            var reader = TLReader(writer.bytes)
            var json = TLJSONWriter()
            let swift = String(validating: sample, as: UTF8.self)
            do {
                try json.transcodeString(from: &reader)
                guard let swift else { return XCTFail("accepted \(sample)") }
                var expected = TLJSONWriter()
                expected.write(swift)
                XCTAssertEqual(json.bytes, expected.bytes, "\(sample)")
            } catch {
                XCTAssertNil(swift, "rejected \(sample): \(error)")
            }
        }
    }
}

/// A small deterministic generator, so a failure repeats: SplitMix64 (Steele, Lea and Flood, "Fast Splittable
/// Pseudorandom Number Generators", OOPSLA 2014; the constants are theirs).
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
