import MTProtoCrypto
import TL

extension ServerKeyExchange {
    /// Waiting for `set_client_DH_params`.
    public struct AwaitingClientDHParams: Sendable {
        let nonces: ExchangeNonces
        let keyIV: AESKeyIV
        let group: DHGroup
        let a: BigNum
        let form: PQInnerDataForm
        let expiresAt: Int64?
        /// 0 on the first attempt, then the aux_hash of the previous attempt's key.
        let expectedRetryID: Int64
        let retriesLeft: Int

        /// Step 3: decrypts and checks the client's g_b and answers `dh_gen_ok` (or a forced `dh_gen_retry`).
        public func handle(_ request: [UInt8]) throws(KeyExchangeError) -> Outcome {
            let req = try decode(MT.SetClientDHParams.self, from: request)
            try nonces.check(nonce: req.nonce, serverNonce: req.serverNonce)
            let inner = try DHInnerDataCipher.decrypt(req.encryptedData, keyIV: keyIV, as: MT.ClientDHInnerData.self)
            try nonces.check(nonce: inner.nonce, serverNonce: inner.serverNonce)
            guard inner.retryId == expectedRetryID else { throw .retryIDMismatch }
            let gb = BigNum(inner.gb)
            try group.checkPublicValue(gb)
            let authKey = try group.sharedKey(peerPublic: gb, secret: a)
            let newNonce = nonces.newNonce.bytes

            if retriesLeft > 0 {
                let hash = TLInt128(sixteenBytes: authKey.newNonceHash(newNonce: newNonce, number: 2))
                let response = MT.SetClientDHParamsAnswer.dhGenRetry(
                    .init(nonce: nonces.nonce, serverNonce: nonces.serverNonce, newNonceHash2: hash))
                let next = AwaitingClientDHParams(
                    nonces: nonces, keyIV: keyIV, group: group, a: a, form: form, expiresAt: expiresAt,
                    expectedRetryID: Int64(bitPattern: authKey.auxHash.littleEndianUInt64(at: 0)),
                    retriesLeft: retriesLeft - 1)
                return .retry(response: response.serialized(), next: next)
            }
            let hash = TLInt128(sixteenBytes: authKey.newNonceHash(newNonce: newNonce, number: 1))
            let response = MT.SetClientDHParamsAnswer.dhGenOk(
                .init(nonce: nonces.nonce, serverNonce: nonces.serverNonce, newNonceHash1: hash))
            let key = ServerGeneratedAuthKey(
                authKey: authKey, firstSalt: try nonces.firstSalt(), form: form, expiresAt: expiresAt)
            return .finished(response: response.serialized(), key: key)
        }
    }
}
