/// What a client keeps about one data center between runs: the auth key and the session values
/// that let it reconnect without a new key exchange.
///
/// Its description names only the key's length, so logging it leaks nothing.
public struct StoredAuthKey: Sendable, Equatable, CustomStringConvertible {
    /// The 256 bytes of the authorization key. Secret: never log them.
    public var authKey: [UInt8]
    /// The last server salt in use.
    public var salt: Int64
    /// Server time minus local time, in seconds.
    public var timeOffset: Int64

    /// A stored key.
    public init(authKey: [UInt8], salt: Int64, timeOffset: Int64) {
        self.authKey = authKey
        self.salt = salt
        self.timeOffset = timeOffset
    }

    /// A redacted summary.
    public var description: String {
        "StoredAuthKey(\(authKey.count) bytes, redacted)"
    }
}
