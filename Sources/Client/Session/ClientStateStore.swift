import MTProto

/// Where a `TelegramClient` keeps its state between runs: the account's `StoredSession` (home DC, user, DC
/// addresses, takeout id) and, as an `AuthKeyStorage`, one auth key per DC. (The encrypted MTProto
/// session itself, `MTProto.ClientSession`, lives only in memory for one connection.) The archive implements
/// it on disk (`ClientStore.ArchiveClientStateStore`); `InMemoryClientStateStore` serves tests.
///
/// Errors thrown must describe the failure without key material.
public protocol ClientStateStore: AuthKeyStorage {
    /// The stored session, or nil if none was ever saved.
    func session() async throws -> StoredSession?
    /// Saves `session`, replacing the stored one.
    func saveSession(_ session: StoredSession) async throws
}
