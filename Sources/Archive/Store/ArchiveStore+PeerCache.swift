import Foundation
import GRDB

/// Resolved channels by username: access hashes, so a username is resolved once.
extension ArchiveStore {
    /// Caches a resolved username.
    public func cachePeer(_ peer: PeerRecord) throws(ArchiveError) {
        try write { db in try peer.upsert(db) }
    }

    /// The cached resolution of `username` (case-insensitive, without `@`).
    public func cachedPeer(username: String) throws(ArchiveError) -> PeerRecord? {
        try read { db in try PeerRecord.fetchOne(db, key: username) }
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
