import MTProtoCrypto
import MTProtoTransport
import XCTest

/// The autodetecting server recognises every client framing from its first bytes.
final class AutodetectionTests: XCTestCase {
    func testAutodetectionPicksTheFramingOfEveryClientVariant() throws {
        for (index, variant) in FramingVariant.allCases.enumerated() {
            var client = try variant.client(seed: UInt64(index))
            let payloads = [samplePayload(16), samplePayload(600)]
            var stream: [UInt8] = []
            for payload in payloads {
                try client.encode(payload, into: &stream)
            }

            var server = AutodetectingServerFraming(random: SeededRandom(seed: 7))
            let frames = try receive(stream, into: &server, chunking: .singleBytes)

            XCTAssertEqual(server.detected?.framing, variant.framing, "\(variant)")
            XCTAssertEqual(server.detected?.isObfuscated, variant.isObfuscated, "\(variant)")
            XCTAssertEqual(frames.count, payloads.count, "\(variant)")
            for (frame, payload) in zip(frames, payloads) {
                XCTAssertTrue(frame.starts(with: payload), "\(variant)")
            }
        }
    }

    func testAutodetectionWaitsUntilTheObfuscationHeaderIsComplete() throws {
        var client = try ObfuscatedFraming(clientWrapping: .intermediate, random: SeededRandom(seed: 3))
        let stream = try client.encode(samplePayload(32))
        var server = AutodetectingServerFraming(random: SeededRandom(seed: 4))

        server.feed(stream.prefix(63))
        XCTAssertNil(try server.nextFrame())
        XCTAssertNil(server.detected)

        server.feed(stream.dropFirst(63))
        XCTAssertEqual(try server.nextFrame(), samplePayload(32))
        XCTAssertEqual(server.detected?.framing, .intermediate)
        XCTAssertEqual(server.detected?.isObfuscated, true)
    }

    func testAutodetectionReportsTheDCIDOfAnObfuscationHeader() throws {
        var client = try ObfuscatedFraming(clientWrapping: .paddedIntermediate, random: SeededRandom(seed: 5), dcID: -4)
        var server = AutodetectingServerFraming(random: SeededRandom(seed: 6))
        _ = try receive(try client.encode(samplePayload(32)), into: &server, chunking: .coalesced)
        XCTAssertEqual(server.detected, DetectedTransport(framing: .paddedIntermediate, isObfuscated: true, dcID: -4))
    }

    func testAutodetectingServerCannotSendBeforeTheClientSpeaks() {
        var server = AutodetectingServerFraming(random: SeededRandom(seed: 1))
        XCTAssertEqual(
            transportError { () throws(TransportError) in try server.encode(samplePayload(8)) }, .protocolNotDetected)
    }
}
