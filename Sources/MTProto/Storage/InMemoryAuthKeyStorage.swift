/// Auth keys kept in memory only, for tests and one-off runs.
public actor InMemoryAuthKeyStorage: AuthKeyStorage {
    private var keys: [Int: StoredAuthKey]

    /// A storage holding `keys` by data center id.
    public init(_ keys: [Int: StoredAuthKey] = [:]) {
        self.keys = keys
    }

    /// The key stored for data center `dataCenterID`, or nil if there is none.
    public func authKey(forDataCenter dataCenterID: Int) -> StoredAuthKey? {
        keys[dataCenterID]
    }

    /// Stores `key` for data center `dataCenterID`, replacing any previous one.
    public func save(_ key: StoredAuthKey, forDataCenter dataCenterID: Int) {
        keys[dataCenterID] = key
    }

    /// Forgets the key of data center `dataCenterID`.
    public func removeAuthKey(forDataCenter dataCenterID: Int) {
        keys[dataCenterID] = nil
    }
}
