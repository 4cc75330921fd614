import MTProtoCrypto

/// What a finished key exchange gives the client: the key and the values an encrypted session starts from.
public struct GeneratedAuthKey: Sendable, Equatable {
    /// The new authorization key.
    public let authKey: AuthKey
    /// The first server salt: `new_nonce[0..<8] XOR server_nonce[0..<8]` as a little-endian `long`.
    public let firstSalt: Int64
    /// Server time minus local time when `server_DH_inner_data` arrived, in seconds.
    public let timeOffset: Int64
    /// For a temporary key, the server time (Unix seconds) at which it expires; nil for a permanent key.
    public let expiresAt: Int64?
}

/// What a finished key exchange gives the server side: the same key and salt, and what the client asked for.
public struct ServerGeneratedAuthKey: Sendable, Equatable {
    /// The new authorization key (equal to the client's).
    public let authKey: AuthKey
    /// The first server salt (equal to the client's).
    public let firstSalt: Int64
    /// The inner-data form the client used, with its data center and, for temporary keys, lifetime.
    public let form: PQInnerDataForm
    /// For a temporary key, the server time (Unix seconds) at which it expires; nil for a permanent key.
    public let expiresAt: Int64?
}
