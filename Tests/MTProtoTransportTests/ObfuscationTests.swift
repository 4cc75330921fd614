import MTProtoCrypto
import MTProtoTransport
import XCTest

/// Transport obfuscation as https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
/// describes it, checked against AES-256-CTR keystreams derived in the test from the spec's words
/// rather than through the framing's own key derivation.
final class ObfuscationTests: XCTestCase {
    func testClientHeaderSkipsRandomBytesTheServerWouldMistakeForAnotherProtocol() throws {
        func header(startingWith prefix: [UInt8], secondInt: [UInt8] = [1, 2, 3, 4]) -> [UInt8] {
            prefix + secondInt + (8..<64).map { UInt8($0) }
        }
        let acceptable = header(startingWith: [0x01, 0x02, 0x03, 0x04])
        let rejected = [
            header(startingWith: [0xef, 0x00, 0x00, 0x00]),
            header(startingWith: Array("HEAD".utf8)),
            header(startingWith: Array("POST".utf8)),
            header(startingWith: Array("GET ".utf8)),
            header(startingWith: Array("OPTI".utf8)),
            header(startingWith: [0xdd, 0xdd, 0xdd, 0xdd]),
            header(startingWith: [0xee, 0xee, 0xee, 0xee]),
            header(startingWith: [0x16, 0x03, 0x01, 0x02]),
            header(startingWith: [0x01, 0x02, 0x03, 0x04], secondInt: [0, 0, 0, 0]),
        ]
        var client = try ObfuscatedFraming(clientWrapping: .abridged, random: ReplayRandom(rejected + [acceptable]))
        let sent = try client.encode(samplePayload(8))
        XCTAssertEqual(Array(sent.prefix(56)), Array(acceptable.prefix(56)))
    }

    func testClientEncryptsHeaderTagAndFramesWithTheKeyAndIVAtOffsets8And40() throws {
        for inner in [TransportProtocol.abridged, .intermediate, .paddedIntermediate] {
            var client = try ObfuscatedFraming(clientWrapping: inner, random: SeededRandom(seed: 11), dcID: 2)
            let payload = samplePayload(40)
            let sent = try client.encode(payload)

            var keystream = try AESCTR(key: Array(sent[8..<40]), iv: Array(sent[40..<56]))
            var plain = sent
            keystream.apply(&plain)
            let expectedTag: [UInt8] = inner == .abridged ? [0xef, 0xef, 0xef, 0xef] : inner.tag ?? []
            XCTAssertEqual(Array(plain[56..<60]), expectedTag, "\(inner)")
            XCTAssertEqual(Array(plain[60..<62]), [2, 0], "\(inner)")

            // After the header, the same keystream carries the inner framing, whose tag is not repeated.
            var server = inner.framing(role: .server, random: SeededRandom(seed: 0))
            server.feed(inner.tag ?? [])
            server.feed(plain.dropFirst(64))
            XCTAssertTrue(try server.nextFrame()?.starts(with: payload) ?? false, "\(inner)")
            XCTAssertNil(try server.nextFrame(), "\(inner)")
        }
    }

    func testClientDecryptsWithTheKeyAndIVOfTheReversedHeader() throws {
        var client = try ObfuscatedFraming(clientWrapping: .abridged, random: SeededRandom(seed: 12))
        let header = Array(try client.encode(samplePayload(8)).prefix(64))
        let reversed = Array(header[8..<56].reversed())
        var serverKeystream = try AESCTR(key: Array(reversed[0..<32]), iv: Array(reversed[32..<48]))

        let payload = samplePayload(12)
        var reply: [UInt8] = [UInt8(payload.count / 4)] + payload
        serverKeystream.apply(&reply)
        client.feed(reply)
        XCTAssertEqual(try client.nextFrame(), payload)
    }

    func testServerBuiltFromTheHeaderReadsTagAndDCIDAndTalksBack() throws {
        var client = try ObfuscatedFraming(clientWrapping: .intermediate, random: SeededRandom(seed: 13), dcID: -10002)
        let sent = try client.encode(samplePayload(24))
        var server = try ObfuscatedFraming(serverHeader: Array(sent.prefix(64)), random: SeededRandom(seed: 14))
        XCTAssertEqual(server.innerProtocol, .intermediate)
        XCTAssertEqual(server.dcID, -10002)

        server.feed(sent.dropFirst(64))
        XCTAssertEqual(try server.nextFrame(), samplePayload(24))
        client.feed(try server.encode(samplePayload(48)))
        XCTAssertEqual(try client.nextFrame(), samplePayload(48))
    }

    func testObfuscationRefusesTheFullFramingWhichHasNoTag() {
        XCTAssertEqual(
            transportError { () throws(TransportError) in
                try ObfuscatedFraming(clientWrapping: .full, random: SeededRandom(seed: 1))
            },
            .obfuscationNeedsTaggedProtocol)
    }

    func testObfuscatedServerRejectsAHeaderThatIsNot64Bytes() {
        XCTAssertEqual(
            transportError { () throws(TransportError) in
                try ObfuscatedFraming(serverHeader: Array(repeating: 1, count: 63), random: SeededRandom(seed: 1))
            },
            .invalidLength(63))
    }

    func testObfuscatedServerRejectsAHeaderWhoseDecryptedTagIsUnknown() {
        var random = SeededRandom(seed: 15)
        let header = random.bytes(64)
        let error = transportError { () throws(TransportError) in
            try ObfuscatedFraming(serverHeader: header, random: SeededRandom(seed: 1))
        }
        guard case .unknownProtocolTag = error else {
            return XCTFail("expected unknownProtocolTag, got \(String(describing: error))")
        }
    }
}
