import TL
import XCTest

/// The TL runtime's wire rules: lengths, padding, vectors, flags and typed errors.
final class TLRuntimeTests: XCTestCase {
    func testShortBytesUseOneLengthByteAndPadToFour() {
        var writer = TLWriter()
        writer.writeBytes([1, 2, 3])
        XCTAssertEqual(writer.bytes, [3, 1, 2, 3])
        writer = TLWriter()
        writer.writeBytes([])
        XCTAssertEqual(writer.bytes, [0, 0, 0, 0])
    }

    func testBytesOf254OrMoreUseTheLongForm() throws {
        for length in [253, 254, 255, 300, 70_000] {
            let data = (0..<length).map { UInt8(truncatingIfNeeded: $0) }
            var writer = TLWriter()
            writer.writeBytes(data)
            XCTAssertEqual(writer.bytes.count % 4, 0)
            if length >= 254 {
                XCTAssertEqual(Array(writer.bytes.prefix(4)),
                               [0xfe, UInt8(length & 0xff), UInt8((length >> 8) & 0xff), UInt8(length >> 16)])
            } else {
                XCTAssertEqual(writer.bytes[0], UInt8(length))
            }
            var reader = TLReader(writer.bytes)
            XCTAssertEqual(try reader.readBytes(), data)
            XCTAssertEqual(reader.remaining, 0)
        }
    }

    func testBytesReadAsASliceMatchTheCopyAndTakeTakesTheWriterBuffer() throws {
        var writer = TLWriter()
        writer.write(Int32(7))
        let data = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        writer.writeBytes(data)
        writer.write(Int32(9))
        let bytes = writer.takeBytes()
        XCTAssertEqual(writer.count, 0)
        var reader = TLReader(bytes)
        XCTAssertEqual(try reader.readInt32(), 7)
        let slice = try reader.readBytesSlice()
        XCTAssertEqual(Array(slice), data)
        XCTAssertEqual(slice.startIndex, 8)  // after the int and the 4-byte long-form length
        XCTAssertEqual(try reader.readInt32(), 9)
        XCTAssertEqual(reader.remaining, 0)
        var truncated = TLReader(Array(bytes[0..<100]))
        _ = try truncated.readInt32()
        XCTAssertThrowsError(try truncated.readBytesSlice())
    }

    func testIntegersAreLittleEndian() throws {
        var writer = TLWriter()
        writer.write(Int32(-2))
        writer.write(Int64(0x0102_0304_0506_0708))
        writer.write(1.5)
        XCTAssertEqual(Array(writer.bytes.prefix(12)), [0xfe, 0xff, 0xff, 0xff, 8, 7, 6, 5, 4, 3, 2, 1])
        var reader = TLReader(writer.bytes)
        XCTAssertEqual(try reader.readInt32(), -2)
        XCTAssertEqual(try reader.readInt64(), 0x0102_0304_0506_0708)
        XCTAssertEqual(try reader.readDouble(), 1.5)
    }

    func testWideIntegersKeepTheirWireOrder() throws {
        let bytes = (0..<32).map { UInt8($0) }
        let wide = try XCTUnwrap(TLInt256(bytes: bytes))
        XCTAssertEqual(wide.bytes, bytes)
        var writer = TLWriter()
        writer.write(wide)
        XCTAssertEqual(writer.bytes, bytes)
        let narrow = try XCTUnwrap(TLInt128(bytes: bytes.prefix(16)))
        XCTAssertEqual(narrow.bytes, Array(bytes.prefix(16)))
        XCTAssertNil(TLInt128(bytes: bytes))
    }

    func testBoolIsBoxed() throws {
        var writer = TLWriter()
        writer.write(true)
        writer.write(false)
        XCTAssertEqual(writer.bytes, [0xb5, 0x75, 0x72, 0x99, 0x37, 0x97, 0x79, 0xbc])
        var reader = TLReader([1, 2, 3, 4])
        XCTAssertThrowsError(try reader.readBool()) { error in
            XCTAssertEqual(error as? TLDecodingError,
                           .unknownConstructor(id: 0x0403_0201, expectedType: "Bool", offset: 0))
        }
    }

    func testBoxedVectorCarriesItsConstructorAndCount() throws {
        let request = Api.Channels.GetMessages(channel: .inputChannelEmpty, id: [.inputMessageID(.init(id: 7))])
        let bytes = request.serialized()
        var reader = TLReader(bytes)
        XCTAssertEqual(try reader.readUInt32(), Api.Channels.GetMessages.constructorID)
        XCTAssertEqual(try reader.readUInt32(), 0xee8c1e86, "inputChannelEmpty#ee8c1e86 (telegram.tl)")
        XCTAssertEqual(try reader.readUInt32(), TLVectorID.boxed)
        XCTAssertEqual(try reader.readInt32(), 1)
    }

    func testFlagsFollowPresenceOfOptionalsAndTrueFields() throws {
        let request = Api.Contacts.ResolveUsername(username: "durov", referer: "x")
        var reader = TLReader(request.serialized())
        _ = try reader.readUInt32()
        XCTAssertEqual(try reader.readUInt32(), 1, "referer is flags.0")
        let plain = Api.Contacts.ResolveUsername(username: "durov")
        XCTAssertEqual(try Api.Contacts.ResolveUsername(bytes: plain.serialized()), plain)
        XCTAssertNil(try Api.Contacts.ResolveUsername(bytes: plain.serialized()).referer)
    }

    func testTruncatedInputIsATypedError() {
        let bytes = Api.Messages.GetHistory(peer: .inputPeerSelf, offsetId: 1, offsetDate: 2, addOffset: 3,
                                            limit: 4, maxId: 5, minId: 6, hash: 7).serialized()
        for cut in 0..<bytes.count {
            XCTAssertThrowsError(try Api.Messages.GetHistory(bytes: Array(bytes.prefix(cut)))) { error in
                guard case .truncated = error as? TLDecodingError else {
                    return XCTFail("cut at \(cut): expected truncated, got \(error)")
                }
            }
        }
    }

    func testUnknownConstructorNamesTheExpectedType() {
        XCTAssertThrowsError(try Api.Message(bytes: [0xef, 0xbe, 0xad, 0xde])) { error in
            XCTAssertEqual(error as? TLDecodingError,
                           .unknownConstructor(id: 0xdeadbeef, expectedType: "Message", offset: 0))
            XCTAssertEqual("\(error)", "unknown constructor 0xdeadbeef for type Message at byte 0")
        }
    }

    func testImpossibleLengthsAreRejectedBeforeAllocating() {
        var reader = TLReader([0xfe, 0xff, 0xff, 0x00])
        XCTAssertThrowsError(try reader.readBytes()) { error in
            XCTAssertEqual(error as? TLDecodingError, .invalidLength(0x00ffff, offset: 0))
        }
        var vector = TLWriter()
        vector.writeVectorHeader(count: 1 << 30)
        var vectorReader = TLReader(vector.bytes)
        XCTAssertThrowsError(try vectorReader.readVector { (r: inout TLReader) throws(TLDecodingError) in try r.readInt64() })
    }

    func testInvalidUTF8IsReplacedOrRejectedByPolicy() throws {
        var writer = TLWriter()
        writer.writeBytes([0x61, 0xff, 0x62])
        var lenient = TLReader(writer.bytes)
        XCTAssertEqual(try lenient.readString(), "a\u{fffd}b")
        var strict = TLReader(writer.bytes, stringPolicy: .reject)
        XCTAssertThrowsError(try strict.readString()) { error in
            XCTAssertEqual(error as? TLDecodingError, .invalidUTF8(offset: 0))
        }
    }

    func testDeeplyNestedInputFailsInsteadOfExhaustingTheStack() {
        // textBold#6724abc4 text:RichText, nested 10 000 times.
        var writer = TLWriter()
        for _ in 0..<10_000 { writer.write(UInt32(0x6724abc4)) }
        writer.write(UInt32(0xdc3d824f))  // textEmpty
        XCTAssertThrowsError(try Api.RichText(bytes: writer.bytes)) { error in
            XCTAssertEqual(error as? TLDecodingError, .nestingTooDeep(limit: 64))
        }
    }

    func testTrailingBytesAreReportedForWholeBufferDecoding() {
        XCTAssertThrowsError(try Api.InputPeer(bytes: Api.InputPeer.inputPeerSelf.serialized() + [0, 0, 0, 0])) { error in
            XCTAssertEqual(error as? TLDecodingError, .trailingBytes(count: 4))
        }
    }

    func testGenericWrappersCarryTheInnerResultType() throws {
        let inner = Api.Help.GetConfig()
        let wrapped = Api.InvokeWithLayer(layer: TLLayer.current, query: Api.InvokeWithoutUpdates(query: inner))
        XCTAssertTrue(type(of: wrapped).Result.self == Api.Config.self)
        let decoded = try Api.InvokeWithLayer<TLAnyFunction>(bytes: wrapped.serialized())
        XCTAssertEqual(decoded.layer, 228)
        XCTAssertEqual(decoded.serialized(), wrapped.serialized())
        XCTAssertTrue(decoded.query.function is Api.InvokeWithoutUpdates<TLAnyFunction>)
    }
}
