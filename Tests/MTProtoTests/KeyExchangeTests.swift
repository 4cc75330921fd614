import MTProtoCrypto
import TL
import XCTest
@testable import MTProto

/// Client and server key exchange against each other in memory.
final class KeyExchangeTests: XCTestCase {
    private let now = UnixTime(seconds: 1_700_000_000, nanoseconds: 123_456_789)

    /// Runs a whole exchange through the framed handshakes and returns both sides' results.
    private func exchange(
        seed: UInt64, form: PQInnerDataForm = .permanent(dc: 2), forcedRetries: Int = 0, clientClockBehind: Int64 = 0
    ) throws -> (client: GeneratedAuthKey, server: ServerGeneratedAuthKey, roundTrips: Int) {
        var random = SeededRandom(seed: seed)
        let clientConfiguration = ClientKeyExchangeConfiguration(publicKeys: [TestKeys.server.publicKey], innerData: form)
        var server = ServerHandshake(configuration: ServerKeyExchangeConfiguration(privateKeys: [TestKeys.server], forcedRetries: forcedRetries))
        let clientNow = now.adding(seconds: -clientClockBehind)
        var (client, packet) = ClientHandshake.start(configuration: clientConfiguration, now: clientNow, random: &random)
        var serverKey: ServerGeneratedAuthKey?
        for roundTrip in 1...10 {
            let answer: [UInt8]
            switch try server.receive(packet, now: now, random: &random) {
            case .send(let bytes):
                answer = bytes
            case .finished(let bytes, let key):
                answer = bytes
                serverKey = key
            }
            switch try client.receive(answer, now: clientNow, random: &random) {
            case .send(let bytes):
                packet = bytes
            case .finished(let clientKey):
                return (clientKey, try XCTUnwrap(serverKey), roundTrip)
            }
        }
        throw XCTSkip("the exchange did not finish in 10 round trips")
    }

    func testClientAndServerDeriveTheSameKeyAndSaltForManySeeds() throws {
        for seed in 1...12 as ClosedRange<UInt64> {
            let (client, server, roundTrips) = try exchange(seed: seed)
            XCTAssertEqual(client.authKey, server.authKey, "seed \(seed)")
            XCTAssertEqual(client.firstSalt, server.firstSalt, "seed \(seed)")
            XCTAssertEqual(server.form, .permanent(dc: 2))
            XCTAssertEqual(roundTrips, 3)
        }
    }

    func testTemporaryKeyCarriesDataCenterAndExpiryToBothSides() throws {
        let (client, server, _) = try exchange(seed: 7, form: .temporary(dc: -10_004, expiresIn: 86_400))
        XCTAssertEqual(client.authKey, server.authKey)
        XCTAssertEqual(server.form, .temporary(dc: -10_004, expiresIn: 86_400))
        XCTAssertEqual(client.expiresAt, now.seconds + 86_400)
        XCTAssertEqual(server.expiresAt, client.expiresAt)
    }

    func testLegacyInnerDataIsAcceptedByTheServer() throws {
        let (client, server, _) = try exchange(seed: 3, form: .legacy)
        XCTAssertEqual(client.authKey, server.authKey)
        XCTAssertEqual(server.form, .legacy)
    }

    func testClientRetriesWithAuxHashWhenServerAnswersDHGenRetry() throws {
        let (client, server, roundTrips) = try exchange(seed: 11, forcedRetries: 2)
        XCTAssertEqual(client.authKey, server.authKey)
        XCTAssertEqual(roundTrips, 5)
    }

    func testTimeOffsetIsServerTimeMinusLocalTime() throws {
        let (client, _, _) = try exchange(seed: 5, clientClockBehind: 42)
        XCTAssertEqual(client.timeOffset, 42)
    }

    func testServerAlsoAnswersTheOlderReqPQ() throws {
        var random = SeededRandom(seed: 8)
        let server = ServerKeyExchange.AwaitingReqPQ(configuration: ServerKeyExchangeConfiguration(privateKeys: [TestKeys.server]))
        let nonce = TLInt128(low: 1, high: 2)
        let (response, _) = try server.handle(MT.ReqPq(nonce: nonce).serialized(), random: &random)
        let resPQ = try MT.ResPQ(bytes: response)
        XCTAssertEqual(resPQ.nonce, nonce)
        XCTAssertEqual(resPQ.serverPublicKeyFingerprints, [TestKeys.server.publicKey.fingerprint])
    }

    func testHandshakesRefusePacketsAfterFinishing() throws {
        var random = SeededRandom(seed: 9)
        let configuration = ClientKeyExchangeConfiguration(publicKeys: [TestKeys.server.publicKey], innerData: .permanent(dc: 1))
        var server = ServerHandshake(configuration: ServerKeyExchangeConfiguration(privateKeys: [TestKeys.server]))
        var (client, packet) = ClientHandshake.start(configuration: configuration, now: now, random: &random)
        var lastServerPacket: [UInt8] = []
        while true {
            switch try server.receive(packet, now: now, random: &random) {
            case .send(let bytes): lastServerPacket = bytes
            case .finished(let bytes, _): lastServerPacket = bytes
            }
            guard case .send(let next) = try client.receive(lastServerPacket, now: now, random: &random) else { break }
            packet = next
        }
        XCTAssertThrowsError(try client.receive(lastServerPacket, now: now, random: &random)) { error in
            XCTAssertEqual(error as? KeyExchangeError, .exchangeFinished)
        }
        XCTAssertThrowsError(try server.receive(packet, now: now, random: &random)) { error in
            XCTAssertEqual(error as? KeyExchangeError, .exchangeFinished)
        }
    }

    func testProtocolDCEncodesTestAndMediaDataCenters() {
        XCTAssertEqual(PQInnerDataForm.protocolDC(2, testServers: false, mediaOnly: false), 2)
        XCTAssertEqual(PQInnerDataForm.protocolDC(2, testServers: true, mediaOnly: false), 10_002)
        XCTAssertEqual(PQInnerDataForm.protocolDC(4, testServers: false, mediaOnly: true), -4)
    }

    func testPlainMessageRejectsNonZeroKeyIDAndWrongLength() {
        let valid = PlainMessage(messageID: 4, body: [1, 2, 3, 4]).serialized()
        XCTAssertEqual(try PlainMessage(parsing: valid), PlainMessage(messageID: 4, body: [1, 2, 3, 4]))
        var keyed = valid
        keyed[0] = 1
        XCTAssertThrowsError(try PlainMessage(parsing: keyed))
        XCTAssertThrowsError(try PlainMessage(parsing: Array(valid.dropLast())))
        XCTAssertThrowsError(try PlainMessage(parsing: [0, 0, 0]))
    }

    func testServerProofOfWorkIsAProductOfTwoDistinct31BitPrimesTheClientFactors() {
        var random = SeededRandom(seed: 99)
        for _ in 0..<50 {
            let proof = ProofOfWork(random: &random)
            XCTAssertNotEqual(proof.p, proof.q)
            XCTAssertTrue((1 << 30..<1 << 31).contains(proof.p))
            XCTAssertTrue(PQFactorization.isPrime(proof.p) && PQFactorization.isPrime(proof.q))
            let factors = PQFactorization.factorize(proof.pq)
            XCTAssertEqual(factors?.p, proof.p)
            XCTAssertEqual(factors?.q, proof.q)
        }
    }
}
