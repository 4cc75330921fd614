import MTProtoCrypto
import TL

extension ClientKeyExchange {
    /// How the server answered `set_client_DH_params`.
    public enum Outcome: Sendable {
        /// `dh_gen_ok`: the key is ready.
        case finished(GeneratedAuthKey)
        /// `dh_gen_retry`: send `request` (a new g_b with `retry_id`) and continue with `next`.
        case retry(request: [UInt8], next: AwaitingDHGeneration)
    }

    /// Waiting for `dh_gen_ok`, `dh_gen_retry` or `dh_gen_fail`.
    public struct AwaitingDHGeneration: Sendable {
        /// What stays fixed across retries.
        struct Exchange: Sendable {
            let configuration: ClientKeyExchangeConfiguration
            let nonces: ExchangeNonces
            let keyIV: AESKeyIV
            let group: DHGroup
            let ga: BigNum
            let timeOffset: Int64
            let expiresAt: Int64?
        }

        let exchange: Exchange
        /// The key this attempt computed.
        let authKey: AuthKey
        /// How many `dh_gen_retry` answers came before this attempt.
        let retries: Int

        /// Step 4: checks the answer's nonces and `new_nonce_hash`, then finishes or retries.
        public func handle(_ response: [UInt8], random: inout some RandomSource) throws(KeyExchangeError) -> Outcome {
            let newNonce = exchange.nonces.newNonce.bytes
            switch try decode(MT.SetClientDHParamsAnswer.self, from: response) {
            case .dhGenOk(let ok):
                try exchange.nonces.check(nonce: ok.nonce, serverNonce: ok.serverNonce)
                guard ok.newNonceHash1.bytes == authKey.newNonceHash(newNonce: newNonce, number: 1) else {
                    throw .newNonceHashMismatch
                }
                return .finished(GeneratedAuthKey(
                    authKey: authKey, firstSalt: try exchange.nonces.firstSalt(),
                    timeOffset: exchange.timeOffset, expiresAt: exchange.expiresAt))
            case .dhGenRetry(let retry):
                try exchange.nonces.check(nonce: retry.nonce, serverNonce: retry.serverNonce)
                guard retry.newNonceHash2.bytes == authKey.newNonceHash(newNonce: newNonce, number: 2) else {
                    throw .newNonceHashMismatch
                }
                guard retries < exchange.configuration.maximumRetries else { throw .tooManyRetries(retries) }
                // retry_id is the aux_hash of the key of the failed attempt (auth_key docs, step 6).
                let retryID = Int64(bitPattern: authKey.auxHash.littleEndianUInt64(at: 0))
                let (request, next) = try Self.attempt(exchange, retryID: retryID, retries: retries + 1, random: &random)
                return .retry(request: request, next: next)
            case .dhGenFail(let fail):
                try exchange.nonces.check(nonce: fail.nonce, serverNonce: fail.serverNonce)
                guard fail.newNonceHash3.bytes == authKey.newNonceHash(newNonce: newNonce, number: 3) else {
                    throw .newNonceHashMismatch
                }
                throw .dhGenerationFailed
            }
        }

        /// Picks b, computes g_b and the key, and builds `set_client_DH_params` with `retryID`.
        static func attempt(
            _ exchange: Exchange, retryID: Int64, retries: Int, random: inout some RandomSource
        ) throws(KeyExchangeError) -> (request: [UInt8], next: AwaitingDHGeneration) {
            let (b, gb) = try exchange.group.keyPair(random: &random)
            let authKey = try exchange.group.sharedKey(peerPublic: exchange.ga, secret: b)
            let inner = MT.ClientDHInnerData(
                nonce: exchange.nonces.nonce, serverNonce: exchange.nonces.serverNonce, retryId: retryID, gb: gb.bytes)
            let encrypted = try DHInnerDataCipher.encrypt(inner.serialized(), keyIV: exchange.keyIV, random: &random)
            let request = MT.SetClientDHParams(
                nonce: exchange.nonces.nonce, serverNonce: exchange.nonces.serverNonce, encryptedData: encrypted)
            return (request.serialized(), AwaitingDHGeneration(exchange: exchange, authKey: authKey, retries: retries))
        }
    }
}
