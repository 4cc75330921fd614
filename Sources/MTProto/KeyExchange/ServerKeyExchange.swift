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
}
