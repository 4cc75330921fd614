import Foundation
import GRDB

/// Auth keys per session and DC, and the keys retired after the server rejected them.
extension ArchiveStore {
    /// The auth key of session `name` on DC `dc`.
    public func authKey(session name: String, dc: Int32) throws(ArchiveError) -> AuthKeyRecord? {
        try read { db in
            try AuthKeyRecord.filter(Column("session") == name && Column("dc_id") == dc).fetchOne(db)
        }
    }

    /// The auth keys of session `name`, by DC.
    public func authKeys(session name: String) throws(ArchiveError) -> [AuthKeyRecord] {
        try read { db in try AuthKeyRecord.filter(Column("session") == name).order(Column("dc_id")).fetchAll(db) }
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

    /// The retired auth keys of session `name`, newest first.
    func retiredAuthKeys(session name: String) throws(ArchiveError) -> [RetiredAuthKeyRecord] {
        try read { db in
            try RetiredAuthKeyRecord.filter(Column("session") == name).order(Column("retired_at").desc).fetchAll(db)
        }
    }
}
