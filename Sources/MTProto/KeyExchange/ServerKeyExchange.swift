import MTProtoCrypto
import TL

/// Settings of the server side of the key exchange (the sandbox server).
public struct ServerKeyExchangeConfiguration: Sendable {
    /// The server's RSA keys; `resPQ` lists all their fingerprints.
    public var privateKeys: [RSAPrivateKey]
    /// The Diffie-Hellman prime (Telegram's 2048-bit safe prime unless told otherwise).
    public var prime: BigNum
    /// The generator sent as `g`.
    public var g: Int32
    /// How many times to answer `dh_gen_retry` before `dh_gen_ok` (fault injection; 0 in normal use).
    public var forcedRetries: Int

    /// Settings with `privateKeys`, Telegram's prime and g = 3, and no forced retries.
    public init(privateKeys: [RSAPrivateKey], prime: BigNum = DHChecks.telegramPrime, g: Int32 = 3, forcedRetries: Int = 0) {
        self.privateKeys = privateKeys
        self.prime = prime
        self.g = g
        self.forcedRetries = forcedRetries
    }
}

/// The server side of the key exchange, mirroring `ClientKeyExchange`: pure steps from the client's
/// TL request to the server's TL answer and the next state.
///
/// Random draws, in order: server_nonce (16 bytes) and the proof-of-work primes (4 bytes each, more
/// if they collide); a (256), then the padding of `server_DH_inner_data` when its length needs any.
public enum ServerKeyExchange {
    /// How the server answers `set_client_DH_params`.
    public enum Outcome: Sendable {
        /// Send `response` (`dh_gen_ok`); both sides now hold `key`.
        case finished(response: [UInt8], key: ServerGeneratedAuthKey)
        /// Send `response` (`dh_gen_retry`) and continue with `next`.
        case retry(response: [UInt8], next: AwaitingClientDHParams)
    }

    /// Waiting for `req_pq_multi` (or the older `req_pq`).
    public struct AwaitingReqPQ: Sendable {
        let configuration: ServerKeyExchangeConfiguration

        /// A fresh exchange with `configuration`.
        public init(configuration: ServerKeyExchangeConfiguration) {
            self.configuration = configuration
        }

        /// Step 1: answers `resPQ` with a fresh server_nonce and pq.
        public func handle(
            _ request: [UInt8], random: inout some RandomSource
        ) throws(KeyExchangeError) -> (response: [UInt8], next: AwaitingReqDHParams) {
            let nonce: TLInt128
            if let multi = try? MT.ReqPqMulti(bytes: request) {
                nonce = multi.nonce
            } else {
                nonce = try decode(MT.ReqPq.self, from: request).nonce
            }
            let serverNonce = random.int128()
            let proof = ProofOfWork(random: &random)
            let response = MT.ResPQ(
                nonce: nonce, serverNonce: serverNonce, pq: proof.pq.minimalBigEndianBytes,
                serverPublicKeyFingerprints: configuration.privateKeys.map(\.publicKey.fingerprint))
            let next = AwaitingReqDHParams(configuration: configuration, nonce: nonce, serverNonce: serverNonce, proof: proof)
            return (response.serialized(), next)
        }
    }

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

        /// RSA_PAD-decrypts `encrypted_data` and reads the inner-data object at its start.
        private static func decryptInnerData(_ encrypted: [UInt8], key: RSAPrivateKey) throws(KeyExchangeError) -> MT.PQInnerData {
            let padded: [UInt8]
            do {
                padded = try RSAPad.decrypt(encrypted, privateKey: key)
            } catch {
                throw .rsaDecryptionFailed
            }
            var reader = TLReader(padded)
            do {
                return try MT.PQInnerData(from: &reader)
            } catch {
                throw .malformed(error)
            }
        }
    }

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
