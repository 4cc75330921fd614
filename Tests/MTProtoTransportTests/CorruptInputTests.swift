import MTProtoCrypto
import MTProtoTransport
import XCTest

/// Malformed, hostile or unexpected input ends in a typed error, never a crash or a huge allocation.
final class CorruptInputTests: XCTestCase {
    // MARK: Full framing

    func testFullFramingRejectsCorruptedCRC() throws {
        var client = FullFraming(role: .client)
        var frame = try client.encode(samplePayload(16))
        frame[10] ^= 0x01
        var server = FullFraming(role: .server)
        server.feed(frame)
        guard case .crcMismatch = transportError({ () throws(TransportError) in try server.nextFrame() }) else {
            return XCTFail("expected crcMismatch")
        }
    }

    func testFullFramingRejectsAReplayedSequenceNumber() throws {
        var client = FullFraming(role: .client)
        let frame = try client.encode(samplePayload(16))
        var server = FullFraming(role: .server)
        server.feed(frame + frame)
        XCTAssertEqual(try server.nextFrame(), samplePayload(16))
        XCTAssertEqual(
            transportError { () throws(TransportError) in try server.nextFrame() }, .badSequence(expected: 1, got: 0))
    }

    func testFullFramingRejectsALengthShorterThanItsEnvelope() {
        var server = FullFraming(role: .server)
        server.feed([11, 0, 0, 0])
        XCTAssertEqual(transportError { () throws(TransportError) in try server.nextFrame() }, .invalidLength(11))
    }

    // MARK: Lengths and limits

    func testEveryFramingRejectsAnOversizeLengthBeforeThePayloadArrives() {
        let cases: [(String, any TransportFraming, [UInt8], TransportError)] = [
            ("abridged", AbridgedFraming(role: .client), [0x7f, 0xff, 0xff, 0xff], .frameTooLarge(0xff_ffff * 4)),
            ("intermediate", IntermediateFraming(role: .client), [0xff, 0xff, 0xff, 0x7f], .frameTooLarge(0x7fff_ffff)),
            (
                "padded intermediate", PaddedIntermediateFraming(role: .client, random: SeededRandom(seed: 1)),
                [0xff, 0xff, 0xff, 0x7f], .frameTooLarge(0x7fff_ffff)
            ),
            ("full", FullFraming(role: .client), [0xff, 0xff, 0xff, 0x7f], .frameTooLarge(0x7fff_ffff - 12)),
            // A configured limit below the default: 257 words = 1028 bytes against 1024.
            ("abridged, 1 KiB limit", AbridgedFraming(role: .client, maxFrameLength: 1024), [0x7f, 0x01, 0x01, 0x00], .frameTooLarge(1028)),
            ("full, 1 KiB limit", FullFraming(role: .client, maxFrameLength: 1024), [0x10, 0x04, 0, 0], .frameTooLarge(1028)),
        ]
        for (name, framing, header, expected) in cases {
            var framing = framing
            framing.feed(header)
            XCTAssertEqual(transportError { () throws(TransportError) in try framing.nextFrame() }, expected, name)
        }
    }

    func testEncodersRejectPayloadsAboveTheLimit() {
        for variant in FramingVariant.allCases {
            let limited: any TransportFraming = variant.framing.framing(
                role: .client, random: SeededRandom(seed: 1), maxFrameLength: 1024)
            var framing = limited
            XCTAssertEqual(
                transportError { () throws(TransportError) in try framing.encode(samplePayload(1028)) },
                .frameTooLarge(1028), "\(variant)")
        }
    }

    func testTaggedFramingsRejectPayloadsThatAreNotWholeWords() throws {
        for variant in FramingVariant.allCases where variant.framing != .full {
            var client = try variant.client(seed: 1)
            XCTAssertEqual(
                transportError { () throws(TransportError) in try client.encode([1, 2, 3]) }, .payloadNotAligned(3),
                "\(variant)")
            // A refused payload leaves nothing behind: the tag or header still opens the next frame.
            var server = variant.server(seed: 2)
            XCTAssertEqual(try receive(try client.encode(samplePayload(8)), into: &server, chunking: .coalesced).count, 1)
        }
    }

    // MARK: Protocol tags and openings

    func testServerFramingsRejectAnotherFramingsTag() {
        var abridged = AbridgedFraming(role: .server)
        abridged.feed([0xee, 0xee, 0xee, 0xee])
        XCTAssertEqual(transportError { () throws(TransportError) in try abridged.nextFrame() }, .unknownProtocolTag(0xee))

        var intermediate = IntermediateFraming(role: .server)
        intermediate.feed([0xdd, 0xdd, 0xdd, 0xdd])
        XCTAssertEqual(
            transportError { () throws(TransportError) in try intermediate.nextFrame() }, .unknownProtocolTag(0xdddd_dddd))
    }

    func testAutodetectionRejectsHTTPAndTLSOpenings() {
        let openings = ["GET / HTTP/1.1\r\n", "POST /api HTTP/1.1", "HEAD / HTTP/1.1", "OPTIONS * HTTP/1.1"].map {
            Array($0.utf8)
        } + [[0x16, 0x03, 0x01, 0x02, 0x00, 0x01]]
        for opening in openings {
            var server = AutodetectingServerFraming(random: SeededRandom(seed: 1))
            let error = transportError { () throws(TransportError) in
                try receive(opening, into: &server, chunking: .singleBytes)
            }
            let firstInt = opening.prefix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            XCTAssertEqual(error, .unknownProtocolTag(firstInt))
        }
    }

    func testAutodetectionRejectsAFullOpeningWithAnImpossibleLength() {
        var server = AutodetectingServerFraming(random: SeededRandom(seed: 1))
        server.feed([4, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(transportError { () throws(TransportError) in try server.nextFrame() }, .invalidLength(4))
    }

    func testAutodetectionRejectsRandomBytesThatDecryptToNoTag() {
        var random = SeededRandom(seed: 21)
        var garbage = random.bytes(64)
        garbage[0] = 0x42  // not 0xef, so not abridged; the second int is non-zero, so not full
        var server = AutodetectingServerFraming(random: SeededRandom(seed: 1))
        server.feed(garbage)
        guard case .unknownProtocolTag = transportError({ () throws(TransportError) in try server.nextFrame() }) else {
            return XCTFail("expected unknownProtocolTag")
        }
        XCTAssertNil(server.detected)
    }

    // MARK: Transport errors and quick ACKs from the server

    func testServerErrorCodeSurfacesAsTypedErrorInEveryFraming() throws {
        let notFound = [UInt8](arrayLiteral: 0x6c, 0xfe, 0xff, 0xff)  // -404, little-endian
        for variant in FramingVariant.allCases {
            var client = try variant.client(seed: 1)
            var server = variant.server(seed: 2)
            _ = try receive(try client.encode(samplePayload(8)), into: &server, chunking: .coalesced)
            client.feed(try server.encode(notFound))
            XCTAssertEqual(
                transportError { () throws(TransportError) in try client.nextFrame() }, .serverError(code: -404),
                "\(variant)")
        }
    }

    func testFourBytePayloadWithPositiveValueIsAnOrdinaryFrame() throws {
        var client = IntermediateFraming(role: .client)
        client.feed([4, 0, 0, 0, 0x94, 0x01, 0, 0])
        XCTAssertEqual(try client.nextFrame(), [0x94, 0x01, 0, 0])
    }

    func testQuickAckTokensAreRejectedAsUnsupported() {
        var abridged = AbridgedFraming(role: .client)
        abridged.feed([0x81, 0x22, 0x33, 0x44])
        var intermediate = IntermediateFraming(role: .client)
        intermediate.feed([0x11, 0x22, 0x33, 0x84])
        var padded = PaddedIntermediateFraming(role: .client, random: SeededRandom(seed: 1))
        padded.feed([8, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x11, 0x22, 0x33, 0x84])
        XCTAssertEqual(transportError { () throws(TransportError) in try abridged.nextFrame() }, .quickAckNotSupported)
        XCTAssertEqual(transportError { () throws(TransportError) in try intermediate.nextFrame() }, .quickAckNotSupported)
        XCTAssertEqual(transportError { () throws(TransportError) in try padded.nextFrame() }, .quickAckNotSupported)
    }

    // MARK: After an error

    func testDecodingErrorsAreFinalForTheConnection() throws {
        var server = FullFraming(role: .server)
        server.feed([5, 0, 0, 0])
        XCTAssertEqual(transportError { () throws(TransportError) in try server.nextFrame() }, .invalidLength(5))
        var client = FullFraming(role: .client)
        server.feed(try client.encode(samplePayload(8)))
        XCTAssertEqual(transportError { () throws(TransportError) in try server.nextFrame() }, .invalidLength(5))
    }
}
