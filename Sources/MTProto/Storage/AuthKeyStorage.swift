/// Where a client keeps its auth keys, one per data center (the archive implements it on disk).
///
/// A connection loads the key before its first link, saves it after a key exchange and whenever
/// the salt or time offset change, and removes it when the server no longer knows it (-404).
public protocol AuthKeyStorage: Sendable {
    /// The key stored for data center `dataCenterID`, or nil if there is none.
    func authKey(forDataCenter dataCenterID: Int) async throws -> StoredAuthKey?
    /// Stores `key` for data center `dataCenterID`, replacing any previous one.
    func save(_ key: StoredAuthKey, forDataCenter dataCenterID: Int) async throws
    /// Forgets the key of data center `dataCenterID`.
    func removeAuthKey(forDataCenter dataCenterID: Int) async throws
}
