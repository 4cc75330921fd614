import MTProto

/// A `ClientStateStore` in memory, for tests and one-off runs.
public actor InMemoryClientStateStore: ClientStateStore {
    private var stored: StoredSession?
    private var keys: [Int: StoredAuthKey]

    /// A store holding `session` and `keys` by DC.
    public init(session: StoredSession? = nil, keys: [Int: StoredAuthKey] = [:]) {
        stored = session
        self.keys = keys
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
    public func authKey(forDataCenter dataCenterID: Int) -> StoredAuthKey? {
        keys[dataCenterID]
    }

    /// Stores the key of DC `dataCenterID`.
    public func save(_ key: StoredAuthKey, forDataCenter dataCenterID: Int) {
        keys[dataCenterID] = key
    }

    /// Forgets the key of DC `dataCenterID`.
    public func removeAuthKey(forDataCenter dataCenterID: Int) {
        keys[dataCenterID] = nil
    }
}
