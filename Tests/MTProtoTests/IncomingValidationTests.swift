import MTProtoCrypto
import TL
import XCTest
@testable import MTProto

/// What the client session refuses to process, and the recorded server packet it must accept.
final class IncomingValidationTests: XCTestCase {
    /// A server packet answering one request, taken before the client sees it.
    private func answeredHarness(seed: UInt64) -> (harness: SessionHarness, packet: [UInt8], request: RequestID) {
        var harness = SessionHarness(seed: seed)
        let id = harness.client.push([1, 0, 0, 0])
        harness.deliverClientPackets()
        let packet = harness.server.nextPacket(now: harness.serverClock, random: &harness.random) ?? []
        return (harness, packet, id)
    }

    /// An encrypted server packet with an arbitrary header, for malformed cases.
    private func serverPacket(_ harness: SessionHarness, messageID: Int64, seqNo: Int32 = 1, body: [UInt8]) -> [UInt8] {
        var random = SeededRandom(seed: 99)
        return EncryptedMessage(salt: harness.client.salt, sessionID: harness.client.sessionID, messageID: messageID, seqNo: seqNo, body: body)
            .encrypted(authKey: harness.client.authKey, sender: .server, random: &random)
    }

    /// A server msg_id for the harness's current time.
    private func serverMessageID(_ harness: SessionHarness, offset: Int64 = 0) -> Int64 {
        (harness.serverClock.seconds + offset) << 32 | 0x1001
    }

    func testDuplicatePacketIsIgnoredButAcknowledgedAgain() {
        var (harness, packet, id) = answeredHarness(seed: 30)
        let first = harness.client.feed(packet, now: harness.clientClock)
        XCTAssertTrue(first.contains { if case .result(id, _) = $0 { true } else { false } })
        let second = harness.client.feed(packet, now: harness.clientClock)
        XCTAssertFalse(second.contains { if case .result = $0 { true } else { false } })
        XCTAssertTrue(second.contains { if case .rejected(.duplicateMessage) = $0 { true } else { false } })
        XCTAssertTrue(harness.client.pendingAcks.count >= 2)
    }

    func testMessagesTooFarInThePastOrFutureAreRejected() {
        for skew: Int64 in [-301, 31] {
            var (harness, _, _) = answeredHarness(seed: 31)
            let id = serverMessageID(harness, offset: skew)
            let events = harness.client.feed(serverPacket(harness, messageID: id, body: [9, 0, 0, 0]), now: harness.clientClock)
            XCTAssertEqual(events, [.rejected(.messageOutsideTimeWindow(messageID: id, skew: skew))])
        }
    }

    func testMessagesAtTheEdgesOfTheWindowAreAccepted() {
        for skew: Int64 in [-300, 30] {
            var (harness, _, _) = answeredHarness(seed: 32)
            let update: [UInt8] = [9, 0, 0, 0]
            let events = harness.client.feed(serverPacket(harness, messageID: serverMessageID(harness, offset: skew), body: update), now: harness.clientClock)
            XCTAssertEqual(events, [.update(TLRawObject(bytes: update))], "skew \(skew)")
        }
    }

    func testPacketForAnotherSessionIsRejected() {
        var (harness, packet, _) = answeredHarness(seed: 33)
        var random = SeededRandom(seed: 5)
        var other = ClientSession(authKey: harness.client.authKey, salt: harness.client.salt, random: &random)
        let events = other.feed(packet, now: harness.clientClock)
        XCTAssertEqual(events, [.rejected(.sessionMismatch(expected: other.sessionID, received: harness.client.sessionID))])
        XCTAssertNotEqual(harness.client.feed(packet, now: harness.clientClock), [])
    }

    func testTamperedPacketFailsTheMessageKeyCheck() {
        var (harness, packet, _) = answeredHarness(seed: 34)
        packet[packet.count - 1] ^= 1
        XCTAssertEqual(harness.client.feed(packet, now: harness.clientClock), [.rejected(.decryptionFailed(.msgKeyMismatch))])
        XCTAssertEqual(harness.client.feed(Array(packet.prefix(30)), now: harness.clientClock), [.rejected(.decryptionFailed(.invalidLength(30)))])
    }

    func testServerMessageWithClientLowBitsIsRejected() {
        var (harness, _, _) = answeredHarness(seed: 35)
        let id = serverMessageID(harness) & ~3
        XCTAssertEqual(harness.client.feed(serverPacket(harness, messageID: id, body: [9, 0, 0, 0]), now: harness.clientClock), [.rejected(.invalidMessageID(id))])
    }

    func testNestedContainerIsRejected() {
        var (harness, _, _) = answeredHarness(seed: 36)
        let base = serverMessageID(harness)
        let update = MT.Message(msgId: base + 4, seqno: 1, bytes: 4, body: TLRawObject(bytes: [9, 0, 0, 0]))
        let inner = MT.MessageContainer(messages: [update]).serialized()
        let outer = MT.MessageContainer(messages: [MT.Message(msgId: base + 8, seqno: 0, bytes: Int32(inner.count), body: TLRawObject(bytes: inner))]).serialized()
        let events = harness.client.feed(serverPacket(harness, messageID: base + 12, seqNo: 0, body: outer), now: harness.clientClock)
        XCTAssertEqual(events, [.rejected(.invalidContainer("a container inside a container"))])
    }

    func testZipBombIsStoppedAtTheInflateLimit() throws {
        var harness = SessionHarness(seed: 37, client: SessionConfiguration(maximumInflatedSize: 64 << 10))
        _ = harness.client.push([1, 0, 0, 0])
        harness.pump()
        let bomb = try XCTUnwrap(GzipPacked.pack([UInt8](repeating: 0, count: 8 << 20)))
        harness.server.send(update: bomb)
        XCTAssertEqual(harness.deliverServerPackets(), [.rejected(.decompressedTooLarge(limit: 64 << 10))])
    }

    func testGzipPackedResultIsInflatedBeforeDelivery() throws {
        var harness = SessionHarness(seed: 38, server: SessionConfiguration(compressionThreshold: 16))
        let request = [UInt8](repeating: 0, count: 400)
        let id = harness.client.push(request)
        harness.pump()
        XCTAssertEqual(try harness.results[id]?.get().bytes, request)
    }

    func testMalformedLengthFieldIsRejected() {
        var (harness, _, _) = answeredHarness(seed: 39)
        var random = SeededRandom(seed: 3)
        // salt, session, msg_id, seq_no, then a length claiming more bytes than the packet holds.
        var writer = TLWriter()
        writer.write(harness.client.salt)
        writer.write(harness.client.sessionID)
        writer.write(serverMessageID(harness))
        writer.write(Int32(1))
        writer.write(Int32(4096))
        writer.writeRaw(random.bytes(32))
        let packet = try? MessageCipher.encrypt(plaintext: writer.bytes, authKey: harness.client.authKey, side: .server)
        let events = harness.client.feed(packet ?? [], now: harness.clientClock)
        guard case .rejected(.malformedMessage) = events.first else { return XCTFail("got \(events)") }
    }

    func testMalformedServiceMessageIsRejectedWithoutCrashing() {
        var (harness, _, _) = answeredHarness(seed: 40)
        let truncatedAck: [UInt8] = [0x59, 0xb4, 0xd6, 0x62, 0x15, 0xc4, 0xb5, 0x1c, 5, 0, 0, 0]
        let events = harness.client.feed(serverPacket(harness, messageID: serverMessageID(harness), seqNo: 0, body: truncatedAck), now: harness.clientClock)
        guard case .rejected(.malformedBody) = events.first else { return XCTFail("got \(events)") }
    }

    func testRecordedServerPacketFromGrammersIsAccepted() throws {
        // kdf_v2.json decrypt_server_data_v2: a real server packet holding a container with
        // new_session_created and a pong (for a ping this session never sent, so it is not an answer).
        let vector = try XCTUnwrap(try Vectors.load("kdf_v2").objects("vectors").first { ($0["id"] as? String) == "decrypt_server_data_v2" })
        let fields = try vector.object("expected_plaintext_fields")
        let authKey = try AuthKey(vector.bytes("auth_key"))
        var random = ReplayRandom([try fields.bytes("session_id")])
        var client = ClientSession(authKey: authKey, salt: 0, random: &random)
        let outerID = Int64(bitPattern: try fields.bytes("msg_id").littleEndianUInt64(at: 0))

        let events = client.feed(try vector.bytes("packet"), now: UnixTime(seconds: MessageID.seconds(of: outerID)))

        let body = try fields.bytes("message_data")
        let container = try MT.MessageContainer(bytes: body)
        let created = try MT.NewSession(bytes: container.messages[0].body.bytes)
        XCTAssertEqual(events, [.newSession(firstMessageID: created.firstMsgId)])
        XCTAssertEqual(client.salt, created.serverSalt)
        XCTAssertEqual(client.salt, Int64(bitPattern: try fields.bytes("salt").littleEndianUInt64(at: 0)))
        // new_session_created is content-related (seqno 1) and needs an ack; the pong (seqno 2) does not.
        XCTAssertEqual(client.pendingAcks, [container.messages[0].msgId])
        XCTAssertEqual(client.feed(try vector.bytes("packet"), now: UnixTime(seconds: MessageID.seconds(of: outerID))), [.rejected(.duplicateMessage(outerID))])
    }
}
