/// How the connection to Telegram frames its bytes (`telegram_client.transport`).
///
/// The default is what Telegram's own apps use: padded intermediate framing inside transport obfuscation,
/// which looks like random bytes to a middlebox. A network that needs something plainer can pick it.
public enum TransportChoice: String, CaseIterable, Hashable, Sendable {
    /// Padded intermediate, obfuscated (the default).
    case obfuscatedPaddedIntermediate = "obfuscated-padded-intermediate"
    /// Intermediate, obfuscated.
    case obfuscatedIntermediate = "obfuscated-intermediate"
    /// Abridged, obfuscated.
    case obfuscatedAbridged = "obfuscated-abridged"
    /// Padded intermediate, plain.
    case paddedIntermediate = "padded-intermediate"
    /// Intermediate, plain.
    case intermediate
    /// Abridged, plain.
    case abridged
    /// Full (with sequence numbers and CRC32), plain.
    case full
}
