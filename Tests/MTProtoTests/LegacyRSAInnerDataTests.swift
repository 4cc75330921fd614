import MTProto
import MTProtoCrypto
import TL
import XCTest

/// The server also accepts `p_q_inner_data` encrypted the pre-RSA_PAD way, as Telethon 1.45 and other
/// older clients send it: raw RSA over `SHA1(data) || data || padding` (255 bytes).
final class LegacyRSAInnerDataTests: XCTestCase {
    private let now = UnixTime(seconds: 1_700_000_000)

    func testServerAcceptsLegacyEncryptedInnerData() throws {
        let response = try reqDHParamsResponse(tamperHash: false)
        guard case .serverDHParamsOk = try MT.ServerDHParams(bytes: response) else {
            return XCTFail("expected server_DH_params_ok")
        }
    }

    func testServerRejectsLegacyBlockWithAWrongHash() {
        XCTAssertThrowsError(try reqDHParamsResponse(tamperHash: true)) { error in
            XCTAssertEqual(error as? KeyExchangeError, .rsaDecryptionFailed)
        }
    }

    /// Runs req_pq_multi, then answers with a legacy-encrypted req_DH_params.
    private func reqDHParamsResponse(tamperHash: Bool) throws -> [UInt8] {
        var random = SeededRandom(seed: 31)
        let server = ServerKeyExchange.AwaitingReqPQ(configuration: ServerKeyExchangeConfiguration(privateKeys: [TestKeys.server]))
        let nonce = TLInt128(low: 7, high: 9)
        let (answer, next) = try server.handle(MT.ReqPqMulti(nonce: nonce).serialized(), random: &random)
        let resPQ = try MT.ResPQ(bytes: answer)
        let pq = resPQ.pq.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let factors = try XCTUnwrap(PQFactorization.factorize(pq))
        let p = BigNum(factors.p).bytes
        let q = BigNum(factors.q).bytes
        let inner = MT.PQInnerData.pqInnerDataDc(.init(
            pq: resPQ.pq, p: p, q: q, nonce: nonce, serverNonce: resPQ.serverNonce,
            newNonce: TLInt256(words: (1, 2, 3, 4)), dc: 2)).serialized()
        var hash = Hash.sha1(inner)
        if tamperHash { hash[0] ^= 1 }
        let block = [0] + hash + inner + random.bytes(235 - inner.count)
        let encrypted = try TestKeys.server.publicKey.rawEncrypt(block)
        let request = MT.ReqDHParams(nonce: nonce, serverNonce: resPQ.serverNonce, p: p, q: q,
                                     publicKeyFingerprint: TestKeys.server.publicKey.fingerprint,
                                     encryptedData: encrypted)
        return try next.handle(request.serialized(), now: now, random: &random).response
    }
}
