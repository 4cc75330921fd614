import Archive

/// Why the archive could not load or save the client's login state. Messages never hold key
/// material or the passphrase.
public enum SessionStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stored auth key is encrypted and no passphrase was given.
    case passphraseRequired
    /// A stored auth key does not decrypt with the passphrase given.
    case wrongPassphrase
    /// A stored value is damaged (`what` says which).
    case corrupt(String)
    /// Encrypting or decrypting failed below (OpenSSL).
    case crypto(String)
    /// The archive failed.
    case archive(ArchiveError)

    /// A sentence for the log.
    public var description: String {
        switch self {
        case .passphraseRequired:
            "the stored auth keys are encrypted; set TGCRON_SESSION_PASSPHRASE to the passphrase they were saved with"
        case .wrongPassphrase:
            "the session passphrase does not decrypt the stored auth keys (wrong TGCRON_SESSION_PASSPHRASE?)"
        case .corrupt(let what): "the stored session is damaged: \(what)"
        case .crypto(let reason): "session encryption failed: \(reason)"
        case .archive(let error): "\(error)"
        }
    }
}
