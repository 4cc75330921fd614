import MTProtoCrypto
import TL
import XCTest
@testable import MTProto

/// Tampered or hostile key exchange messages are rejected with typed errors.
final class KeyExchangeTamperingTests: XCTestCase {
    private let now = UnixTime(seconds: 1_700_000_000)
    private let configuration = ClientKeyExchangeConfiguration(publicKeys: [TestKeys.server.publicKey], innerData: .permanent(dc: 1))
    private var clientRandom = RecordingRandom(SeededRandom(seed: 1))
    private var serverRandom = SeededRandom(seed: 2)

    /// Runs steps 1 and 2 honestly; returns the client waiting for server_DH_params and the server's honest answer.
    private func clientAwaitingDHParams(
        serverConfiguration: ServerKeyExchangeConfiguration? = nil
    ) throws -> (client: ClientKeyExchange.AwaitingServerDHParams, server: ServerKeyExchange.AwaitingClientDHParams, answer: [UInt8]) {
        let serverStart = ServerKeyExchange.AwaitingReqPQ(
            configuration: serverConfiguration ?? ServerKeyExchangeConfiguration(privateKeys: [TestKeys.server]))
        let (reqPQ, awaitingResPQ) = ClientKeyExchange.start(configuration: configuration, random: &clientRandom)
        let (resPQ, serverAwaitingDH) = try serverStart.handle(reqPQ, random: &serverRandom)
        let (reqDH, client) = try awaitingResPQ.handle(resPQ, random: &clientRandom)
        let (answer, server) = try serverAwaitingDH.handle(reqDH, now: now, random: &serverRandom)
        return (client, server, answer)
    }

    /// A server_DH_params_ok for this exchange carrying `inner`, encrypted with the exchange's temporary key.
    private func forgedAnswer(_ inner: (MT.ServerDHInnerData) -> MT.ServerDHInnerData, honest: [UInt8]) throws -> [UInt8] {
        guard case .serverDHParamsOk(let ok) = try MT.ServerDHParams(bytes: honest) else { throw XCTSkip("not ok") }
        let newNonce = clientRandom.draws[1]
        let keyIV = try KeyDerivation.tmpAESKeyIV(serverNonce: ok.serverNonce.bytes, newNonce: newNonce)
        let honestInner = try DHInnerDataCipher.decrypt(ok.encryptedAnswer, keyIV: keyIV, as: MT.ServerDHInnerData.self)
        var random = SeededRandom(seed: 3)
        let encrypted = try DHInnerDataCipher.encrypt(inner(honestInner).serialized(), keyIV: keyIV, random: &random)
        return MT.ServerDHParams.serverDHParamsOk(.init(nonce: ok.nonce, serverNonce: ok.serverNonce, encryptedAnswer: encrypted)).serialized()
    }

    private func assertThrows(_ expected: KeyExchangeError, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? KeyExchangeError, expected, file: file, line: line)
        }
    }

    func testResPQWithAnotherNonceIsRejected() throws {
        let (reqPQ, client) = ClientKeyExchange.start(configuration: configuration, random: &clientRandom)
        var (resPQ, _) = try ServerKeyExchange.AwaitingReqPQ(configuration: .init(privateKeys: [TestKeys.server])).handle(reqPQ, random: &serverRandom)
        resPQ[4] ^= 1
        assertThrows(.nonceMismatch) { _ = try client.handle(resPQ, random: &clientRandom) }
    }

    func testResPQListingOnlyUnknownKeysIsRejected() throws {
        let strict = ClientKeyExchangeConfiguration(publicKeys: [.telegramTest], innerData: .legacy)
        let (reqPQ, client) = ClientKeyExchange.start(configuration: strict, random: &clientRandom)
        let (resPQ, _) = try ServerKeyExchange.AwaitingReqPQ(configuration: .init(privateKeys: [TestKeys.server])).handle(reqPQ, random: &serverRandom)
        assertThrows(.unknownPublicKeyFingerprints([TestKeys.server.publicKey.fingerprint])) { _ = try client.handle(resPQ, random: &clientRandom) }
    }

    func testResPQWithPrimePQIsRejected() throws {
        let (reqPQ, client) = ClientKeyExchange.start(configuration: configuration, random: &clientRandom)
        let nonce = try MT.ReqPqMulti(bytes: reqPQ).nonce
        let resPQ = MT.ResPQ(nonce: nonce, serverNonce: nonce, pq: [0x7F, 0xFF, 0xFF, 0xFF], serverPublicKeyFingerprints: [TestKeys.server.publicKey.fingerprint])
        assertThrows(.invalidPQ) { _ = try client.handle(resPQ.serialized(), random: &clientRandom) }
    }

    func testTamperedEncryptedAnswerFailsTheHashCheck() throws {
        var (client, _, answer) = try clientAwaitingDHParams()
        answer[answer.count - 40] ^= 0x80
        assertThrows(.answerHashMismatch) { _ = try client.handle(answer, now: now, random: &clientRandom) }
    }

    func testAnswerWithAnotherServerNonceIsRejected() throws {
        var (client, _, answer) = try clientAwaitingDHParams()
        answer[20] ^= 1
        assertThrows(.serverNonceMismatch) { _ = try client.handle(answer, now: now, random: &clientRandom) }
    }

    func testGAOutsideTheAllowedRangeIsRejected() throws {
        let (client, _, honest) = try clientAwaitingDHParams()
        let forged = try forgedAnswer({ inner in
            var inner = inner
            inner.ga = [2]
            return inner
        }, honest: honest)
        XCTAssertThrowsError(try client.handle(forged, now: now, random: &clientRandom)) { error in
            guard case .invalidDHPublicValue = error as? KeyExchangeError else { return XCTFail("got \(error)") }
        }
    }

    func testPrimeThatIsNotA2048BitSafePrimeIsRejected() throws {
        let (client, _, honest) = try clientAwaitingDHParams()
        let forged = try forgedAnswer({ inner in
            var inner = inner
            inner.dhPrime = Array(inner.dhPrime.dropFirst())
            return inner
        }, honest: honest)
        XCTAssertThrowsError(try client.handle(forged, now: now, random: &clientRandom)) { error in
            guard case .invalidDHParameters = error as? KeyExchangeError else { return XCTFail("got \(error)") }
        }
    }

    func testGeneratorOutsideTwoToSevenIsRejected() throws {
        let (client, _, honest) = try clientAwaitingDHParams()
        let forged = try forgedAnswer({ inner in
            var inner = inner
            inner.g = 9
            return inner
        }, honest: honest)
        XCTAssertThrowsError(try client.handle(forged, now: now, random: &clientRandom)) { error in
            guard case .invalidDHParameters = error as? KeyExchangeError else { return XCTFail("got \(error)") }
        }
    }

    func testServerDHParamsFailIsReported() throws {
        let (client, _, honest) = try clientAwaitingDHParams()
        guard case .serverDHParamsOk(let ok) = try MT.ServerDHParams(bytes: honest) else { return XCTFail("not ok") }
        let fail = MT.ServerDHParams.serverDHParamsFail(.init(nonce: ok.nonce, serverNonce: ok.serverNonce, newNonceHash: TLInt128(low: 0, high: 0)))
        assertThrows(.serverDHParamsFailed) { _ = try client.handle(fail.serialized(), now: now, random: &clientRandom) }
    }

    func testDHGenOkWithWrongNewNonceHashIsRejected() throws {
        let (client, server, answer) = try clientAwaitingDHParams()
        let (setDH, awaitingGen) = try client.handle(answer, now: now, random: &clientRandom)
        guard case .finished(let okBytes, _) = try server.handle(setDH) else { return XCTFail("server did not finish") }
        var tampered = okBytes
        tampered[tampered.count - 1] ^= 1
        assertThrows(.newNonceHashMismatch) { _ = try awaitingGen.handle(tampered, random: &clientRandom) }
    }

    func testDHGenFailWithValidHashIsReportedAsFailure() throws {
        let (client, _, answer) = try clientAwaitingDHParams()
        let (_, awaitingGen) = try client.handle(answer, now: now, random: &clientRandom)
        let hash3 = awaitingGen.authKey.newNonceHash(newNonce: clientRandom.draws[1], number: 3)
        let fail = MT.SetClientDHParamsAnswer.dhGenFail(.init(
            nonce: awaitingGen.exchange.nonces.nonce, serverNonce: awaitingGen.exchange.nonces.serverNonce,
            newNonceHash3: TLInt128(sixteenBytes: hash3)))
        assertThrows(.dhGenerationFailed) { _ = try awaitingGen.handle(fail.serialized(), random: &clientRandom) }
    }

    func testClientGivesUpAfterTheConfiguredNumberOfRetries() throws {
        var (client, server, answer) = try clientAwaitingDHParams(
            serverConfiguration: ServerKeyExchangeConfiguration(privateKeys: [TestKeys.server], forcedRetries: 10))
        var (request, awaiting) = try client.handle(answer, now: now, random: &clientRandom)
        for attempt in 0... {
            guard case .retry(let response, let next) = try server.handle(request) else { return XCTFail("server finished") }
            server = next
            answer = response
            do {
                guard case .retry(let newRequest, let nextClient) = try awaiting.handle(answer, random: &clientRandom) else {
                    return XCTFail("client finished")
                }
                (request, awaiting) = (newRequest, nextClient)
            } catch {
                XCTAssertEqual(error, .tooManyRetries(configuration.maximumRetries))
                XCTAssertEqual(attempt, configuration.maximumRetries)
                return
            }
        }
    }

    func testServerRejectsTamperedRSAPaddedInnerData() throws {
        let start = ServerKeyExchange.AwaitingReqPQ(configuration: .init(privateKeys: [TestKeys.server]))
        let (reqPQ, awaitingResPQ) = ClientKeyExchange.start(configuration: configuration, random: &clientRandom)
        let (resPQ, serverAwaitingDH) = try start.handle(reqPQ, random: &serverRandom)
        var (reqDH, _) = try awaitingResPQ.handle(resPQ, random: &clientRandom)
        reqDH[reqDH.count - 1] ^= 1
        assertThrows(.rsaDecryptionFailed) { _ = try serverAwaitingDH.handle(reqDH, now: now, random: &serverRandom) }
    }

    func testServerRejectsClientGBOutsideTheAllowedRange() throws {
        let (client, server, answer) = try clientAwaitingDHParams()
        _ = try client.handle(answer, now: now, random: &clientRandom)
        let nonces = client.nonces
        let inner = MT.ClientDHInnerData(nonce: nonces.nonce, serverNonce: nonces.serverNonce, retryId: 0, gb: [1])
        var random = SeededRandom(seed: 4)
        let encrypted = try DHInnerDataCipher.encrypt(inner.serialized(), keyIV: try nonces.temporaryKeyIV(), random: &random)
        let request = MT.SetClientDHParams(nonce: nonces.nonce, serverNonce: nonces.serverNonce, encryptedData: encrypted)
        XCTAssertThrowsError(try server.handle(request.serialized())) { error in
            guard case .invalidDHPublicValue = error as? KeyExchangeError else { return XCTFail("got \(error)") }
        }
    }
}
