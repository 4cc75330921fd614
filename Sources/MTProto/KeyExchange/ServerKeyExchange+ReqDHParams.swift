import MTProtoCrypto
import TL

extension ServerKeyExchange {
    /// Waiting for `req_DH_params`.
    public struct AwaitingReqDHParams: Sendable {
        let configuration: ServerKeyExchangeConfiguration
        let nonce: TLInt128
        let serverNonce: TLInt128
        let proof: ProofOfWork

        /// Step 2: decrypts and checks the client's inner data, picks a, and answers `server_DH_params_ok`
        /// with `server_time` taken from `now`.
        public func handle(
            _ request: [UInt8], now: UnixTime, random: inout some RandomSource
        ) throws(KeyExchangeError) -> (response: [UInt8], next: AwaitingClientDHParams) {
            let req = try decode(MT.ReqDHParams.self, from: request)
            guard req.nonce == nonce else { throw .nonceMismatch }
            guard req.serverNonce == serverNonce else { throw .serverNonceMismatch }
            guard let key = configuration.privateKeys.first(where: { $0.publicKey.fingerprint == req.publicKeyFingerprint }) else {
                throw .unknownPublicKeyFingerprints([req.publicKeyFingerprint])
            }
            guard req.p == proof.p.minimalBigEndianBytes, req.q == proof.q.minimalBigEndianBytes else { throw .invalidPQ }
            let innerData = try Self.decryptInnerData(req.encryptedData, key: key)
            let fields = PQInnerDataFields(innerData)
            guard fields.nonce == nonce, fields.serverNonce == serverNonce else {
                throw .innerDataMismatch("nonces differ from the request's")
            }
            guard fields.pq == proof.pq.minimalBigEndianBytes, fields.p == req.p, fields.q == req.q else {
                throw .innerDataMismatch("pq, p or q differ from the exchange's")
            }

            let group = try DHGroup(prime: configuration.prime, g: configuration.g)
            let (a, ga) = try group.keyPair(random: &random)
            let serverTime = Int32(truncatingIfNeeded: now.seconds)
            let nonces = ExchangeNonces(nonce: nonce, serverNonce: serverNonce, newNonce: fields.newNonce)
            let keyIV = try nonces.temporaryKeyIV()
            let inner = MT.ServerDHInnerData(
                nonce: nonce, serverNonce: serverNonce, g: configuration.g, dhPrime: configuration.prime.bytes,
                ga: ga.bytes, serverTime: serverTime)
            let encrypted = try DHInnerDataCipher.encrypt(inner.serialized(), keyIV: keyIV, random: &random)
            let response = MT.ServerDHParams.serverDHParamsOk(
                .init(nonce: nonce, serverNonce: serverNonce, encryptedAnswer: encrypted))
            let form = PQInnerDataForm(innerData)
            let expiresAt: Int64? = switch form {
            case .temporary(_, let expiresIn): Int64(serverTime) + Int64(expiresIn)
            case .legacy, .permanent: nil
            }
            let next = AwaitingClientDHParams(
                nonces: nonces, keyIV: keyIV, group: group, a: a, form: form, expiresAt: expiresAt,
                expectedRetryID: 0, retriesLeft: configuration.forcedRetries)
            return (response.serialized(), next)
        }

        /// Decrypts `encrypted_data` (RSA_PAD, or the legacy SHA1-prefixed form older clients send) and
        /// reads the inner-data object at its start.
        private static func decryptInnerData(_ encrypted: [UInt8], key: RSAPrivateKey) throws(KeyExchangeError) -> MT.PQInnerData {
            guard let padded = try? RSAPad.decrypt(encrypted, privateKey: key) else {
                guard let block = try? key.rawDecrypt(encrypted), let inner = LegacyRSAInnerData.decode(block) else {
                    throw .rsaDecryptionFailed
                }
                return inner
            }
            var reader = TLReader(padded)
            do {
                return try MT.PQInnerData(from: &reader)
            } catch {
                throw .malformed(error)
            }
        }
    }
}
