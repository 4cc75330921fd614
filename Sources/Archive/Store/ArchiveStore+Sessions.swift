import Foundation
import GRDB

extension ArchiveStore {
    /// Saves (inserts or replaces) a session's account-level state.
    public func saveSession(_ session: SessionRecord) throws(ArchiveError) {
        try write { db in try session.upsert(db) }
    }

    /// The session named `name`.
    public func session(named name: String) throws(ArchiveError) -> SessionRecord? {
        try read { db in try SessionRecord.fetchOne(db, key: name) }
    }

    /// Saves (inserts or replaces) a session's auth key and salts for one DC; the session must exist.
    public func saveAuthKey(_ key: AuthKeyRecord) throws(ArchiveError) {
        try write { db in try key.upsert(db) }
    }

    /// The auth keys of session `name`, by DC.
    public func authKeys(session name: String) throws(ArchiveError) -> [AuthKeyRecord] {
        try read { db in try AuthKeyRecord.filter(Column("session") == name).order(Column("dc_id")).fetchAll(db) }
    }

    /// Forgets session `name` and its auth keys (log out); returns whether it existed.
    @discardableResult
    public func deleteSession(named name: String) throws(ArchiveError) -> Bool {
        try write { db in try SessionRecord.deleteOne(db, key: name) }
    }

    /// Caches a resolved username.
    public func cachePeer(_ peer: PeerRecord) throws(ArchiveError) {
        try write { db in try peer.upsert(db) }
    }

    /// The cached resolution of `username` (case-insensitive, without `@`).
    public func cachedPeer(username: String) throws(ArchiveError) -> PeerRecord? {
        try read { db in try PeerRecord.fetchOne(db, key: username) }
    }
}
