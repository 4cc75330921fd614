/// Errors thrown by MTProtoCrypto. Cases carry lengths and reasons, never key material.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A key had a length the algorithm does not accept.
    case invalidKeyLength(Int)
    /// An IV or nonce had a length the algorithm does not accept.
    case invalidIVLength(Int)
    /// Input data had a length the operation does not accept (for example not a multiple of 16).
    case invalidLength(Int)
    /// An encrypted packet's auth_key_id is not the id of the key used to decrypt it.
    case authKeyIdMismatch
    /// A decrypted packet's msg_key does not match the one recomputed from its plaintext.
    case msgKeyMismatch
    /// A PEM document could not be parsed as an RSA key.
    case invalidPEM(String)
    /// A number could not be parsed (for example a malformed decimal string).
    case invalidNumber
    /// RSA_PAD failed: a decrypted block's hash does not match, or no temp_key gave a block below n.
    case rsaPadInvalid(String)
    /// Diffie-Hellman parameters or a public value failed the checks Telegram requires.
    case dhCheckFailed(String)
    /// SRP parameters or values failed the checks Telegram requires.
    case srpCheckFailed(String)
    /// OpenSSL reported a failure; the text is OpenSSL's error string for the operation.
    case openSSL(String)

    /// A message for the person reading the log.
    public var description: String {
        switch self {
        case .invalidKeyLength(let count): "invalid key length: \(count) bytes"
        case .invalidIVLength(let count): "invalid IV length: \(count) bytes"
        case .invalidLength(let count): "invalid data length: \(count) bytes"
        case .authKeyIdMismatch: "auth_key_id of the packet does not match the auth key"
        case .msgKeyMismatch: "msg_key of the packet does not match its decrypted contents"
        case .invalidPEM(let reason): "invalid PEM: \(reason)"
        case .invalidNumber: "invalid number"
        case .rsaPadInvalid(let reason): "invalid RSA_PAD block: \(reason)"
        case .dhCheckFailed(let reason): "Diffie-Hellman check failed: \(reason)"
        case .srpCheckFailed(let reason): "SRP check failed: \(reason)"
        case .openSSL(let message): "OpenSSL error: \(message)"
        }
    }
}
