import MTProtoCrypto
import TL

/// Why a key exchange step rejected a message. Cases carry sizes, ids and reasons, never key material.
public enum KeyExchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message could not be parsed as the TL object the step expects.
    case malformed(TLDecodingError)
    /// A plain (unencrypted) message frame was invalid: non-zero auth_key_id or a wrong length.
    case invalidPlainMessage(String)
    /// The `nonce` echoed by the peer is not ours.
    case nonceMismatch
    /// The `server_nonce` echoed by the peer is not the one of this exchange.
    case serverNonceMismatch
    /// None of the server's key fingerprints belongs to a configured RSA key.
    case unknownPublicKeyFingerprints([Int64])
    /// `pq` is not a product of two primes below 2^32, or the client's p and q do not multiply to it.
    case invalidPQ
    /// The server answered `server_DH_params_fail`.
    case serverDHParamsFailed
    /// The SHA1 prefix of a decrypted DH inner-data block does not match its contents.
    case answerHashMismatch
    /// `dh_prime` or `g` failed the checks of https://core.telegram.org/mtproto/auth_key.
    case invalidDHParameters(String)
    /// The peer's public value (g_a or g_b) is outside the allowed range.
    case invalidDHPublicValue(String)
    /// `new_nonce_hash1/2/3` of `dh_gen_ok/retry/fail` is wrong.
    case newNonceHashMismatch
    /// The server answered `dh_gen_fail`.
    case dhGenerationFailed
    /// The server kept answering `dh_gen_retry` more than the configured number of times.
    case tooManyRetries(Int)
    /// Server side: RSA_PAD decryption of `encrypted_data` failed.
    case rsaDecryptionFailed
    /// Server side: the client's `p_q_inner_data` does not match this exchange.
    case innerDataMismatch(String)
    /// Server side: the client's `retry_id` is not what the last attempt requires.
    case retryIDMismatch
    /// A packet arrived after the exchange had already finished.
    case exchangeFinished
    /// A cryptographic primitive failed (length checks, OpenSSL).
    case crypto(CryptoError)

    /// A message for the person reading the log.
    public var description: String {
        switch self {
        case .malformed(let error): "malformed key exchange message: \(error)"
        case .invalidPlainMessage(let reason): "invalid plain message: \(reason)"
        case .nonceMismatch: "nonce does not match this key exchange"
        case .serverNonceMismatch: "server_nonce does not match this key exchange"
        case .unknownPublicKeyFingerprints(let fingerprints): "no configured RSA key for fingerprints \(fingerprints)"
        case .invalidPQ: "pq is not a product of two 32-bit primes, or p * q differs from it"
        case .serverDHParamsFailed: "server answered server_DH_params_fail"
        case .answerHashMismatch: "SHA1 of the decrypted DH inner data does not match"
        case .invalidDHParameters(let reason): "invalid DH parameters: \(reason)"
        case .invalidDHPublicValue(let reason): "invalid DH public value: \(reason)"
        case .newNonceHashMismatch: "new_nonce_hash does not match"
        case .dhGenerationFailed: "server answered dh_gen_fail"
        case .tooManyRetries(let count): "server asked for dh_gen_retry more than \(count) times"
        case .rsaDecryptionFailed: "RSA_PAD decryption of encrypted_data failed"
        case .innerDataMismatch(let reason): "p_q_inner_data does not match: \(reason)"
        case .retryIDMismatch: "retry_id does not match the previous attempt"
        case .exchangeFinished: "the key exchange has already finished"
        case .crypto(let error): "crypto failure: \(error)"
        }
    }
}

/// Decodes a whole TL body, mapping decoding failures to `KeyExchangeError.malformed`.
func decode<Object: TLDeserializable>(_ type: Object.Type, from bytes: [UInt8]) throws(KeyExchangeError) -> Object {
    do {
        return try Object(bytes: bytes)
    } catch {
        throw .malformed(error)
    }
}
