import MTProto
import MTProtoCrypto

/// The server's auth keys, shared by all connections, and the sessions of clients between
/// connections, so that a client reconnecting with its key continues where it left off.
actor AuthKeyRegistry {
    private var keys: [Int64: (authKey: AuthKey, salt: Int64)] = [:]
    private var idleSessions: [Int64: ServerSession] = [:]
    /// How many key exchanges finished.
    private(set) var keyExchangeCount = 0

    /// Adds a key from a finished key exchange.
    func register(_ key: ServerGeneratedAuthKey) {
        keys[key.authKey.id] = (key.authKey, key.firstSalt)
        keyExchangeCount += 1
    }

    /// The session to continue for auth key `id`: the one a previous connection left, else a new
    /// one; nil if the key is unknown. The caller owns it until `checkIn`.
    func checkOut(_ id: Int64, configuration: SessionConfiguration) -> ServerSession? {
        if let session = idleSessions.removeValue(forKey: id) { return session }
        guard let key = keys[id] else { return nil }
        return ServerSession(authKey: key.authKey, salt: key.salt, configuration: configuration)
    }

    /// Keeps `session` for the next connection with its key.
    func checkIn(_ session: ServerSession) {
        idleSessions[session.authKey.id] = session
    }
}
