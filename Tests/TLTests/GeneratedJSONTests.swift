import TL
import TLSchema
import XCTest

/// The generated `writeJSON` of every API type writes exactly the text the schema-driven codec prints for the
/// same value's bytes, so the archive's JSON columns read the same whichever path produced them.
final class GeneratedJSONTests: XCTestCase {
    func testEveryAPIConstructorWritesTheCodecsJSON() throws {
        var builder = SchemaSampleBuilder(definitions: TestSchemas.api)
        let codec = TLJSONCodec()
        var checked = 0
        for definition in TestSchemas.api where !definition.isFunction {
            guard let id = definition.id, definition.type != .bool, let type = Api.objectType(for: id) else { continue }
            for optionals in [SchemaSampleBuilder.Optionals.allPresent, .allAbsent] {
                let bytes = builder.bytes(for: definition, optionals: optionals)
                let value = try type.init(bytes: bytes)
                guard let writable = value as? any TLJSONWritable else {
                    XCTFail("\(definition.name) has no generated writeJSON")
                    continue
                }
                XCTAssertEqual(writable.jsonText, try codec.decode(bytes).text(pretty: false),
                               "\(definition.name) (\(optionals))")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1600, "layer 228 has about 1650 constructors")
    }

    func testStringsAreEscapedAndNumbersWrittenInFull() {
        let entity = Api.MessageEntity.messageEntityTextUrl(Api.MessageEntity.MessageEntityTextUrl(
            offset: -7, length: Int32.max, url: "a\"b\\c\nd\u{01}é"))
        XCTAssertEqual(entity.jsonText,
                       #"{"_":"messageEntityTextUrl","offset":-7,"length":2147483647,"url":"a\"b\\c\nd\u0001é"}"#)
    }

    func testBytesAreLowercaseHexAndAbsentOptionalsAreLeftOut() {
        let photo = Api.Photo.photoEmpty(Api.Photo.PhotoEmpty(id: Int64.min))
        XCTAssertEqual(photo.jsonText, #"{"_":"photoEmpty","id":-9223372036854775808}"#)
        let size = Api.PhotoSize.photoStrippedSize(Api.PhotoSize.PhotoStrippedSize(type: "i", bytes: [0x00, 0xab, 0x0f]))
        XCTAssertEqual(size.jsonText, #"{"_":"photoStrippedSize","type":"i","bytes":"00ab0f"}"#)
    }
}
