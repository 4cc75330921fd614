import MTProtoCrypto
import TL

/// Settings of the client side of the key exchange.
public struct ClientKeyExchangeConfiguration: Sendable {
    /// The server RSA keys the client trusts; the server's `resPQ` must list one of their fingerprints.
    public var publicKeys: [RSAPublicKey]
    /// Which inner-data form to send (permanent or temporary key, and for which data center).
    public var innerData: PQInnerDataForm
    /// How many `dh_gen_retry` answers to accept before giving up.
    public var maximumRetries: Int

    /// Settings with `publicKeys`, the `innerData` form and at most `maximumRetries` retries.
    public init(publicKeys: [RSAPublicKey], innerData: PQInnerDataForm, maximumRetries: Int = 5) {
        self.publicKeys = publicKeys
        self.innerData = innerData
        self.maximumRetries = maximumRetries
    }
}

/// The client side of the MTProto key exchange (https://core.telegram.org/mtproto/auth_key) as pure
/// steps: each takes the server's TL answer and returns the next TL request with the next state.
/// Requests and answers are TL bodies; `ClientHandshake` adds the plain-message framing.
///
/// Random draws, in order: nonce (16 bytes); new_nonce (32), then RSA_PAD's padding and temp_key;
/// b (256), then the padding of `client_DH_inner_data` when its length needs any.
public enum ClientKeyExchange {
    /// Step 1: `req_pq_multi` with a fresh nonce.
    public static func start(
        configuration: ClientKeyExchangeConfiguration, random: inout some RandomSource
    ) -> (request: [UInt8], next: AwaitingResPQ) {
        let nonce = random.int128()
        return (MT.ReqPqMulti(nonce: nonce).serialized(), AwaitingResPQ(configuration: configuration, nonce: nonce))
    }

    /// Waiting for `resPQ`.
    public struct AwaitingResPQ: Sendable {
        let configuration: ClientKeyExchangeConfiguration
        let nonce: TLInt128

        /// Step 2: checks `resPQ`, picks the RSA key, factors pq and returns `req_DH_params`.
        public func handle(
            _ response: [UInt8], random: inout some RandomSource
        ) throws(KeyExchangeError) -> (request: [UInt8], next: AwaitingServerDHParams) {
            let resPQ = try decode(MT.ResPQ.self, from: response)
            guard resPQ.nonce == nonce else { throw .nonceMismatch }
            let fingerprints = resPQ.serverPublicKeyFingerprints
            guard let key = fingerprints.lazy.compactMap({ fingerprint in
                configuration.publicKeys.first { $0.fingerprint == fingerprint }
            }).first else {
                throw .unknownPublicKeyFingerprints(fingerprints)
            }
            guard resPQ.pq.count <= 8, let (p, q) = PQFactorization.factorize(UInt64(bigEndianBytes: resPQ.pq)),
                  p < 1 << 32, q < 1 << 32
            else { throw .invalidPQ }

            let newNonce = random.int256()
            let pBytes = p.minimalBigEndianBytes
            let qBytes = q.minimalBigEndianBytes
            let innerData = PQInnerDataFields(
                pq: resPQ.pq, p: pBytes, q: qBytes, nonce: nonce, serverNonce: resPQ.serverNonce, newNonce: newNonce
            ).serialized(as: configuration.innerData)
            let encrypted: [UInt8]
            do {
                encrypted = try RSAPad.encrypt(data: innerData, key: key, random: &random)
            } catch {
                throw .crypto(error)
            }
            let request = MT.ReqDHParams(
                nonce: nonce, serverNonce: resPQ.serverNonce, p: pBytes, q: qBytes,
                publicKeyFingerprint: key.fingerprint, encryptedData: encrypted)
            let nonces = ExchangeNonces(nonce: nonce, serverNonce: resPQ.serverNonce, newNonce: newNonce)
            return (request.serialized(), AwaitingServerDHParams(configuration: configuration, nonces: nonces))
        }
    }
}
