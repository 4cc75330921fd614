import MTProto

/// A `ClientStateStore` in memory, for tests and one-off runs: the session here, the keys in an
/// `InMemoryAuthKeyStorage`.
public actor InMemoryClientStateStore: ClientStateStore {
    private var stored: StoredSession?
    private let keys: InMemoryAuthKeyStorage

    /// A store holding `session` and `keys` by DC.
    public init(session: StoredSession? = nil, keys: [Int: StoredAuthKey] = [:]) {
        stored = session
        self.keys = InMemoryAuthKeyStorage(keys)
    }

    /// The stored session.
    public func session() -> StoredSession? {
        stored
    }

    /// Replaces the stored session.
    public func saveSession(_ session: StoredSession) {
        stored = session
    }

    /// The key of DC `dataCenterID`.
    public func authKey(forDataCenter dataCenterID: Int) async -> StoredAuthKey? {
        await keys.authKey(forDataCenter: dataCenterID)
    }

    /// Stores the key of DC `dataCenterID`.
    public func save(_ key: StoredAuthKey, forDataCenter dataCenterID: Int) async {
        await keys.save(key, forDataCenter: dataCenterID)
    }

    /// Forgets the key of DC `dataCenterID`.
    public func removeAuthKey(forDataCenter dataCenterID: Int) async {
        await keys.removeAuthKey(forDataCenter: dataCenterID)
    }
}
