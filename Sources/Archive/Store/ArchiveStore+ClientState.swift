import Foundation
import GRDB

extension ArchiveStore {
    /// The auth key of session `name` on DC `dc`.
    public func authKey(session name: String, dc: Int32) throws(ArchiveError) -> AuthKeyRecord? {
        try read { db in
            try AuthKeyRecord.filter(Column("session") == name && Column("dc_id") == dc).fetchOne(db)
        }
    }

    /// Saves `key`, first creating its session with home DC `homeDc` if the session does not exist yet
    /// (a key exchange can finish before the client saves the session), in one transaction.
    public func saveAuthKey(_ key: AuthKeyRecord, creatingSessionWithHomeDc homeDc: Int32) throws(ArchiveError) {
        try write { db in
            if try !SessionRecord.exists(db, key: key.session) {
                try SessionRecord(name: key.session, homeDc: homeDc, updatedAt: key.updatedAt).insert(db)
            }
            try key.upsert(db)
        }
    }

    /// Takes the auth key of session `name` on DC `dc` out of use, keeping it in `retired_auth_keys`, in one
    /// transaction; returns whether there was one.
    @discardableResult
    public func retireAuthKey(session name: String, dc: Int32, at now: Date) throws(ArchiveError) -> Bool {
        try write { db in
            let filter = AuthKeyRecord.filter(Column("session") == name && Column("dc_id") == dc)
            guard let key = try filter.fetchOne(db) else { return false }
            try RetiredAuthKeyRecord(session: name, dcId: dc, authKey: key.authKey, salts: key.salts, retiredAt: now).insert(db)
            try filter.deleteAll(db)
            try Self.setLoginNeeded(db, session: name, at: now, reason: """
                the server rejected the auth key of DC \(dc) (-404) on repeated connections; it was retired and \
                kept in the archive's retired_auth_keys table
                """)
            return true
        }
    }

    /// Records that session `name` cannot work until a new login, and why (shown by `status`; runs refuse
    /// to start until `clearLoginNeeded`).
    public func markLoginNeeded(session name: String, reason: String, at now: Date) throws(ArchiveError) {
        try write { db in try Self.setLoginNeeded(db, session: name, at: now, reason: reason) }
    }

    /// Forgets the need for a login, after one succeeded.
    public func clearLoginNeeded(session name: String) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: "UPDATE sessions SET login_needed = NULL, login_needed_at = NULL WHERE name = ?",
                           arguments: [name])
        }
    }

    /// Why session `name` needs a new login and since when, or nil if it does not.
    public func loginNeeded(session name: String) throws(ArchiveError) -> (reason: String, since: Date)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT login_needed, login_needed_at FROM sessions WHERE name = ?",
                                             arguments: [name]),
                  let reason: String = row[0], let since: Date = row[1] else { return nil }
            return (reason, since)
        }
    }

    /// Whether any session of the archive needs a new login.
    public func anySessionNeedsLogin() throws(ArchiveError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sessions WHERE login_needed IS NOT NULL)") ?? false }
    }

    private static func setLoginNeeded(_ db: Database, session name: String, at now: Date, reason: String) throws {
        try db.execute(sql: "UPDATE sessions SET login_needed = ?, login_needed_at = ? WHERE name = ?",
                       arguments: [reason, now, name])
    }

    /// The retired auth keys of session `name`, newest first.
    public func retiredAuthKeys(session name: String) throws(ArchiveError) -> [RetiredAuthKeyRecord] {
        try read { db in
            try RetiredAuthKeyRecord.filter(Column("session") == name).order(Column("retired_at").desc).fetchAll(db)
        }
    }

    /// The most recently resolved cached peer with id `peerId`, under any username.
    public func cachedPeer(id peerId: Int64) throws(ArchiveError) -> PeerRecord? {
        try read { db in
            try PeerRecord.filter(Column("peer_id") == peerId).order(Column("resolved_at").desc).fetchOne(db)
        }
    }

    /// Updates the access hash and title of every cached username of peer `peerId` (after a refresh).
    public func updateCachedPeer(id peerId: Int64, accessHash: Int64, title: String, resolvedAt: Date) throws(ArchiveError) {
        _ = try write { db in
            try PeerRecord.filter(Column("peer_id") == peerId).updateAll(
                db, Column("access_hash").set(to: accessHash), Column("title").set(to: title),
                Column("resolved_at").set(to: resolvedAt))
        }
    }
}
