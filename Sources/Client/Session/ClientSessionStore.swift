import MTProto

/// Where a `TelegramClient` keeps what must survive between runs: the session (home DC, user, DC
/// addresses, takeout id) and, as an `AuthKeyStorage`, one auth key per DC. The archive implements
/// it on disk (`ClientStore.ArchiveSessionStore`); `InMemorySessionStore` serves tests.
///
/// Errors thrown must describe the failure without key material.
public protocol ClientSessionStore: AuthKeyStorage {
    /// The stored session, or nil if none was ever saved.
    func session() async throws -> StoredSession?
    /// Saves `session`, replacing the stored one.
    func saveSession(_ session: StoredSession) async throws
}
