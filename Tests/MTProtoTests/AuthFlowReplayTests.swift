import MTProtoCrypto
import TL
import XCTest
@testable import MTProto

/// Replays recorded key exchanges through the client: every request must match byte for byte.
final class AuthFlowReplayTests: XCTestCase {
    private func grammersFlow() throws -> [String: Any] {
        try Vectors.load("auth_flow").object("grammers_emulate_successful_auth_key_gen_flow")
    }

    func testGrammersFlowReplaysByteForByteWithTheSameKeySaltAndOffset() throws {
        let flow = try grammersFlow()
        let steps = try flow.objects("steps")
        XCTAssertEqual(steps.count, 3)
        let step2Random = try steps[1].bytes("random_input_hex")
        let step3Random = try steps[2].bytes("random_input_hex")
        let derived = try flow.object("collector_parsed_and_derived")
        let innerDataLength = try derived.bytes("p_q_inner_data").count
        let clientPaddingLength = try derived.bytes("client_padding").count

        // grammers draws one 256-byte block for step 2: new_nonce = [0, 32); RSA_PAD takes its padding
        // from the start of the remaining 224 bytes and temp_key from their last 32. Step 3 draws b = [0, 256)
        // and then the padding it needs (12 of the 16 bytes it drew). Our client draws each value
        // separately, so the test splits the blocks.
        let paddingLength = 192 - innerDataLength
        var random = ReplayRandom([
            try steps[0].bytes("random_input_hex"),
            Array(step2Random[0..<32]),
            Array(step2Random[32..<(32 + paddingLength)]),
            Array(step2Random[(32 + 192)..<256]),
            Array(step3Random[0..<256]),
            Array(step3Random[256..<(256 + clientPaddingLength)]),
        ])
        let configuration = ClientKeyExchangeConfiguration(publicKeys: [.telegramTest], innerData: .legacy)
        let now = UnixTime(seconds: try steps[2].int64("now_unix"))

        let (request1, awaitingResPQ) = ClientKeyExchange.start(configuration: configuration, random: &random)
        XCTAssertEqual(hexString(request1), try steps[0].string("expected_request"))
        let (request2, awaitingDH) = try awaitingResPQ.handle(try steps[0].bytes("server_response"), random: &random)
        XCTAssertEqual(hexString(request2), try steps[1].string("expected_request"))
        let (request3, awaitingGen) = try awaitingDH.handle(try steps[1].bytes("server_response"), now: now, random: &random)
        XCTAssertEqual(hexString(request3), try steps[2].string("expected_request"))
        guard case .finished(let key) = try awaitingGen.handle(try steps[2].bytes("server_response"), random: &random) else {
            return XCTFail("expected dh_gen_ok to finish the exchange")
        }

        let expected = try flow.object("expected_result")
        XCTAssertEqual(hexString(key.authKey.bytes), try expected.string("auth_key"))
        XCTAssertEqual(key.firstSalt, try expected.int64("first_salt_int64"))
        XCTAssertEqual(key.timeOffset, try expected.int64("time_offset"))
        XCTAssertNil(key.expiresAt)
        XCTAssertEqual(random.remaining, 0)
    }

    func testTelegramDocsSampleMatchesEveryMessageExceptTheRSAPaddedBlock() throws {
        // The docs page does not publish RSA_PAD's temp_key, so req_DH_params can match only up to
        // encrypted_data; every other message, framing and msg_id included, must match exactly.
        let sample = try Vectors.load("auth_flow").object("telegram_docs_sample")
        let messages = try sample.object("messages")
        let ids = try sample.object("message_ids_as_printed")
        func messageID(_ name: String) throws -> Int64 {
            Int64(bitPattern: try ids.bytes(name).littleEndianUInt64(at: 0))
        }
        func localTime(of name: String) throws -> UnixTime {
            let id = try messageID(name)
            return UnixTime(seconds: id >> 32, nanoseconds: id & 0xFFFF_FFFF)
        }
        // The page prints wrong length fields for server messages; reframe their bodies.
        func serverPacket(_ name: String) throws -> [UInt8] {
            let printed = try messages.bytes(name)
            return PlainMessage(messageID: try messageID(name), body: Array(printed[20...])).serialized()
        }

        var random = ReplayRandom([
            try sample.bytes("nonce"),
            try sample.bytes("new_nonce"),
            try sample.object("rsa_pad").bytes("random_padding_bytes"),
            [UInt8](repeating: 0x42, count: 32),
            try sample.bytes("b"),
            try sample.bytes("client_padding"),
        ])
        let configuration = ClientKeyExchangeConfiguration(
            publicKeys: RSAPublicKey.telegramProduction, innerData: .permanent(dc: 2))
        var (handshake, first) = ClientHandshake.start(configuration: configuration, now: try localTime(of: "req_pq_multi"), random: &random)
        XCTAssertEqual(hexString(first), try messages.string("req_pq_multi"))

        guard case .send(let reqDH) = try handshake.receive(try serverPacket("resPQ"), now: try localTime(of: "req_DH_params"), random: &random) else {
            return XCTFail("expected req_DH_params")
        }
        let expectedReqDH = try messages.bytes("req_DH_params")
        let encryptedDataOffset = expectedReqDH.count - 256
        XCTAssertEqual(reqDH.count, expectedReqDH.count)
        XCTAssertEqual(hexString(reqDH[..<encryptedDataOffset]), hexString(expectedReqDH[..<encryptedDataOffset]))

        guard case .send(let setDH) = try handshake.receive(
            try serverPacket("server_DH_params_ok"), now: try localTime(of: "set_client_DH_params"), random: &random)
        else { return XCTFail("expected set_client_DH_params") }
        XCTAssertEqual(hexString(setDH), try messages.string("set_client_DH_params"))

        guard case .finished(let key) = try handshake.receive(try serverPacket("dh_gen_ok"), now: try localTime(of: "set_client_DH_params"), random: &random) else {
            return XCTFail("expected dh_gen_ok to finish the exchange")
        }
        XCTAssertEqual(hexString(key.authKey.bytes), try sample.string("auth_key"))
        XCTAssertEqual(key.firstSalt, try sample.object("collector_derived_not_on_page").int64("first_salt_int64"))
        XCTAssertEqual(key.timeOffset, try sample.int64("server_time") - (try localTime(of: "set_client_DH_params")).seconds)
        XCTAssertEqual(random.remaining, 0)
    }
}
