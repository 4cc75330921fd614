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

/// A checked Diffie-Hellman group: a safe 2048-bit prime and a generator of its large subgroup.
struct DHGroup: Sendable {
    let prime: BigNum
    let g: Int32

    /// Checks `prime` and `g` as https://core.telegram.org/mtproto/auth_key requires.
    init(prime: BigNum, g: Int32) throws(KeyExchangeError) {
        do {
            try DHChecks.validate(prime: prime, g: Int(g))
        } catch {
            if case .dhCheckFailed(let reason) = error { throw .invalidDHParameters(reason) }
            throw .crypto(error)
        }
        self.prime = prime
        self.g = g
    }

    /// Throws unless `value` (g_a or g_b) lies in the range the docs allow.
    func checkPublicValue(_ value: BigNum) throws(KeyExchangeError) {
        do {
            try DHChecks.validateGA(value, prime: prime)
        } catch {
            if case .dhCheckFailed(let reason) = error { throw .invalidDHPublicValue(reason) }
            throw .crypto(error)
        }
    }

    /// `base^exponent mod prime`.
    func power(_ base: BigNum, _ exponent: BigNum) throws(KeyExchangeError) -> BigNum {
        do {
            return try base.modExp(exponent, prime)
        } catch {
            throw .crypto(error)
        }
    }

    /// A 256-byte secret exponent and its public value g^secret, checked against the range rule.
    func keyPair(random: inout some RandomSource) throws(KeyExchangeError) -> (secret: BigNum, publicValue: BigNum) {
        let secret = BigNum(random.bytes(256))
        let publicValue = try power(BigNum(UInt64(g)), secret)
        try checkPublicValue(publicValue)
        return (secret, publicValue)
    }

    /// The 256-byte auth key `peerPublic^secret mod prime`.
    func sharedKey(peerPublic: BigNum, secret: BigNum) throws(KeyExchangeError) -> AuthKey {
        let shared = try power(peerPublic, secret)
        do {
            return try AuthKey(shared.bytes(paddedTo: 256))
        } catch {
            throw .crypto(error)
        }
    }
}
