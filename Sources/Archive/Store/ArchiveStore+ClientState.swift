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

    /// Forgets the auth key of session `name` on DC `dc`; returns whether there was one.
    @discardableResult
    public func deleteAuthKey(session name: String, dc: Int32) throws(ArchiveError) -> Bool {
        try write { db in
            try AuthKeyRecord.filter(Column("session") == name && Column("dc_id") == dc).deleteAll(db) > 0
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
