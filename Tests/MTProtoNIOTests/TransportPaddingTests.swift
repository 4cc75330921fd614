import MTProto
import MTProtoCrypto
@testable import MTProtoNIO
import MTProtoTransport
import TL
import XCTest

/// Padded intermediate delivers each payload with 0–15 random bytes after it; `TransportPadding`
/// removes them before the core parses the packet, on the client and on the server alike.
final class TransportPaddingTests: XCTestCase {
    func testEncryptedPacketsWithEveryPaddingLengthReachTheSessionsInBothDirections() throws {
        var random = SystemRandom()
        let authKey = try AuthKey(random.bytes(256))
        var client = ClientSession(authKey: authKey, salt: 7, random: &random)
        var server = ServerSession(authKey: authKey, salt: 7)
        let now = UnixTime.systemNow()
        let result: [UInt8] = [9, 0, 0, 0]

        for padding in 0...15 {
            let id = client.push([UInt8(padding + 1), 0, 0, 0])
            let request = try XCTUnwrap(client.nextPacket(now: now, random: &random))
            let received = server.feed(Self.padded(request, by: padding, random: &random), now: now)
            guard case .request(let delivered) = received.last else {
                return XCTFail("padding \(padding): no request in \(received)")
            }
            server.reply(to: delivered.messageID, result: result)
            let answer = try XCTUnwrap(server.nextPacket(now: now, random: &random))
            let answered = client.feed(Self.padded(answer, by: padding, random: &random), now: now)

            XCTAssertTrue(answered.contains(.result(id, .success(TLRawObject(bytes: result)))), "padding \(padding): \(answered)")
        }
    }

    func testPlainMessagesWithEveryPaddingLengthParseToTheirDeclaredLength() throws {
        var random = SystemRandom()
        let message = PlainMessage(messageID: 0x6000_0000_0000_0004, body: random.bytes(40))

        for padding in 0...15 {
            let parsed = try PlainMessage(parsing: Self.padded(message.serialized(), by: padding, random: &random))

            XCTAssertEqual(parsed, message, "padding \(padding)")
        }
    }

    func testOtherFramingsAreHandedOverUnchanged() {
        var random = SystemRandom()
        let frame = random.bytes(45)

        XCTAssertEqual(TransportPadding.strip(frame, framing: .intermediate), frame)
        XCTAssertEqual(TransportPadding.strip(frame, framing: nil), frame)
    }

    /// What padded intermediate's `nextFrame()` returns for `packet`, stripped as both ends do.
    private static func padded(_ packet: [UInt8], by padding: Int, random: inout SystemRandom) -> [UInt8] {
        TransportPadding.strip(packet + random.bytes(padding), framing: .paddedIntermediate)
    }
}
