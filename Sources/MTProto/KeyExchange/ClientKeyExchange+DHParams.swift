import MTProtoCrypto
import TL

extension ClientKeyExchange {
    /// Waiting for `server_DH_params_ok`.
    public struct AwaitingServerDHParams: Sendable {
        let configuration: ClientKeyExchangeConfiguration
        let nonces: ExchangeNonces

        /// Step 3: decrypts and checks `server_DH_inner_data` (nonces, SHA1, dh_prime, g, g_a), computes
        /// g_b and the key, and returns `set_client_DH_params`. `now` is the local time the answer
        /// arrived, for the time offset.
        public func handle(
            _ response: [UInt8], now: UnixTime, random: inout some RandomSource
        ) throws(KeyExchangeError) -> (request: [UInt8], next: AwaitingDHGeneration) {
            let ok: MT.ServerDHParams.ServerDHParamsOk
            switch try decode(MT.ServerDHParams.self, from: response) {
            case .serverDHParamsFail(let fail):
                try nonces.check(nonce: fail.nonce, serverNonce: fail.serverNonce)
                throw .serverDHParamsFailed
            case .serverDHParamsOk(let value):
                ok = value
            }
            try nonces.check(nonce: ok.nonce, serverNonce: ok.serverNonce)
            let keyIV = try nonces.temporaryKeyIV()
            let inner = try DHInnerDataCipher.decrypt(ok.encryptedAnswer, keyIV: keyIV, as: MT.ServerDHInnerData.self)
            try nonces.check(nonce: inner.nonce, serverNonce: inner.serverNonce)

            let group = try DHGroup(prime: BigNum(inner.dhPrime), g: inner.g)
            let ga = BigNum(inner.ga)
            try group.checkPublicValue(ga)
            let expiresAt: Int64? = switch configuration.innerData {
            case .temporary(_, let expiresIn): Int64(inner.serverTime) + Int64(expiresIn)
            case .legacy, .permanent: nil
            }
            let exchange = AwaitingDHGeneration.Exchange(
                configuration: configuration, nonces: nonces, keyIV: keyIV, group: group, ga: ga,
                timeOffset: Int64(inner.serverTime) - now.seconds, expiresAt: expiresAt)
            return try AwaitingDHGeneration.attempt(exchange, retryID: 0, retries: 0, random: &random)
        }
    }
}
