import TL
import TLSchema
import XCTest

/// Every constructor and function of both schemas survives decode → encode → decode unchanged,
/// once with every optional present and once with every optional absent.
final class GeneratedLayerRoundTripTests: XCTestCase {
    func testEveryAPIConstructorRoundTrips() throws {
        let checked = try roundTripConstructors(TestSchemas.api, lookup: Api.objectType(for:))
        XCTAssertGreaterThan(checked, 1600, "layer 228 has about 1650 constructors")
    }

    func testEveryAPIFunctionRoundTrips() throws {
        let checked = try roundTripFunctions(TestSchemas.api, lookup: Api.functionType(for:))
        XCTAssertGreaterThan(checked, 800, "layer 228 has about 808 functions")
    }

    func testEveryMTProtoConstructorRoundTrips() throws {
        let checked = try roundTripConstructors(TestSchemas.mtproto, lookup: MT.objectType(for:))
        XCTAssertGreaterThan(checked, 30)
    }

    func testEveryMTProtoFunctionRoundTrips() throws {
        let checked = try roundTripFunctions(TestSchemas.mtproto, lookup: MT.functionType(for:))
        XCTAssertEqual(checked, TestSchemas.mtproto.filter { $0.isFunction }.count)
    }

    func testMTProtoMessageBodyUsesItsDeclaredLength() throws {
        var writer = TLWriter()
        writer.write(Int64(0x1122_3344_5566_7788))
        writer.write(Int32(3))
        writer.write(Int32(4))
        writer.write(true)
        writer.write(Int32(99))  // the next message, not part of this body
        var reader = TLReader(writer.bytes)
        let message = try MT.Message(bareFrom: &reader)
        XCTAssertEqual(message.body.bytes, [0xb5, 0x75, 0x72, 0x99])
        XCTAssertEqual(reader.remaining, 4)
    }

    // MARK: Helpers

    private func roundTripConstructors(_ definitions: [TLDefinition],
                                       lookup: (UInt32) -> (any TLObject.Type)?) throws -> Int {
        var builder = SchemaSampleBuilder(definitions: definitions)
        var checked = 0
        for definition in definitions where !definition.isFunction {
            guard let id = definition.id, definition.type != .bool else { continue }
            guard let type = lookup(id) else {
                XCTFail("no generated type decodes \(definition.name)#\(TLHex.id(id))")
                continue
            }
            for optionals in [SchemaSampleBuilder.Optionals.allPresent, .allAbsent] {
                let bytes = builder.bytes(for: definition, optionals: optionals)
                try assertRoundTrip(type, bytes, name: "\(definition.name) (\(optionals))")
            }
            checked += 1
        }
        return checked
    }

    private func roundTripFunctions(_ definitions: [TLDefinition],
                                    lookup: (UInt32) -> (any TLDecodableFunction.Type)?) throws -> Int {
        var builder = SchemaSampleBuilder(definitions: definitions)
        var checked = 0
        for definition in definitions where definition.isFunction {
            guard let id = definition.id, let type = lookup(id) else {
                XCTFail("no generated request type for \(definition.name)")
                continue
            }
            for optionals in [SchemaSampleBuilder.Optionals.allPresent, .allAbsent] {
                let bytes = builder.bytes(for: definition, optionals: optionals)
                try assertRoundTrip(type, bytes, name: "\(definition.name) (\(optionals))")
            }
            checked += 1
        }
        return checked
    }

    private func assertRoundTrip<T: TLDeserializable & TLSerializable & Equatable>(
        _ type: T.Type, _ bytes: [UInt8], name: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let first: T
        do {
            first = try T(bytes: bytes)
        } catch {
            XCTFail("\(name): decoding schema-built bytes failed: \(error)", file: file, line: line)
            return
        }
        XCTAssertEqual(first.serialized(), bytes, "\(name): re-encoding changed the bytes", file: file, line: line)
        let second = try T(bytes: first.serialized())
        XCTAssertEqual(first, second, "\(name): decoded values differ", file: file, line: line)
    }
}
