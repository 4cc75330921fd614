import MTProtoCrypto
import MTProtoTransport
import XCTest

/// Byte layouts the published vectors do not pin down.
final class FramingLayoutTests: XCTestCase {
    func testAbridgedSwitchesToTheLongHeaderAt127Words() throws {
        var client = AbridgedFraming(role: .client)
        let tagged = try client.encode(samplePayload(4))
        XCTAssertEqual(Array(tagged.prefix(2)), [0xef, 0x01])
        XCTAssertEqual(try client.encode(samplePayload(126 * 4)).first, 0x7e)
        XCTAssertEqual(Array(try client.encode(samplePayload(127 * 4)).prefix(4)), [0x7f, 0x7f, 0x00, 0x00])
    }

    func testClientsSendTheTagOnlyBeforeTheFirstFrame() throws {
        var intermediate = IntermediateFraming(role: .client)
        XCTAssertEqual(try intermediate.encode([]), [0xee, 0xee, 0xee, 0xee, 0, 0, 0, 0])
        XCTAssertEqual(try intermediate.encode([]), [0, 0, 0, 0])

        var padded = PaddedIntermediateFraming(role: .client, random: SeededRandom(seed: 1))
        XCTAssertEqual(Array(try padded.encode([]).prefix(4)), [0xdd, 0xdd, 0xdd, 0xdd])
        XCTAssertNotEqual(Array(try padded.encode([]).prefix(4)), [0xdd, 0xdd, 0xdd, 0xdd])

        var server = IntermediateFraming(role: .server)
        XCTAssertEqual(try server.encode([]), [0, 0, 0, 0])
    }

    func testPaddedIntermediateAddsZeroToFifteenRandomBytesCountedInTheLength() throws {
        var client = PaddedIntermediateFraming(role: .client, random: SeededRandom(seed: 9))
        var server = PaddedIntermediateFraming(role: .server, random: SeededRandom(seed: 10))
        var paddings = Set<Int>()
        let payload = samplePayload(32)
        for index in 0..<400 {
            let stream = try client.encode(payload)
            let frame = Array(index == 0 ? stream.dropFirst(4) : stream[...])  // the first follows the tag
            let length = Int(frame[0]) | Int(frame[1]) << 8
            XCTAssertEqual(length, frame.count - 4)
            paddings.insert(length - payload.count)
            server.feed(stream)
            XCTAssertEqual(try server.nextFrame()?.prefix(payload.count), payload[...])
        }
        XCTAssertEqual(paddings, Set(0...15))
    }

    func testPaddedIntermediateRecognisesAPaddedServerError() {
        var client = PaddedIntermediateFraming(role: .client, random: SeededRandom(seed: 1))
        client.feed([11, 0, 0, 0, 0x53, 0xfe, 0xff, 0xff, 1, 2, 3, 4, 5, 6, 7])  // -429 and 7 bytes of padding
        XCTAssertEqual(transportError { () throws(TransportError) in try client.nextFrame() }, .serverError(code: -429))
    }
}
