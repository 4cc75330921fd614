import Archive
import Client
import Foundation

/// A `PeerCache` over the archive's `peers` table, so a username is resolved once for good, across
/// runs. A row is kept per username a channel was seen under; channels known by id only are found
/// through any of their usernames' rows.
public struct ArchivePeerCache: PeerCache {
    /// The archive holding the cache.
    public let archive: any ArchiveStorage

    /// A cache in `archive`.
    public init(archive: any ArchiveStorage) {
        self.archive = archive
    }

    /// The channel cached under `username` (case-insensitive, without `@`).
    public func peer(username: String) throws -> ResolvedPeer? {
        try archive.cachedPeer(username: username).flatMap(Self.resolved)
    }

    /// The channel cached with id `id`, or else the one the archive's channels know with its access hash
    /// (seen in a history page, for example as a forward's source), so it can be named by id without a
    /// `contacts.resolveUsername`.
    public func peer(id: Int64) throws -> ResolvedPeer? {
        if let cached = try archive.cachedPeer(id: id).flatMap(Self.resolved) { return cached }
        guard let channel = try archive.channel(id: id), let accessHash = channel.accessHash else { return nil }
        return ResolvedPeer(id: channel.id, accessHash: accessHash, title: channel.title, username: channel.username)
    }

    /// Keeps `peer` under its username and `alias`; without either, refreshes the rows it already has.
    public func store(_ peer: ResolvedPeer, alias: String?) throws {
        let now = Date()
        let names = Set([peer.username, alias].compactMap { $0?.lowercased() })
        guard !names.isEmpty else {
            try archive.updateCachedPeer(id: peer.id, accessHash: peer.accessHash, title: peer.title, resolvedAt: now)
            return
        }
        for name in names.sorted() {
            try archive.cachePeer(PeerRecord(username: name, peerId: peer.id, accessHash: peer.accessHash, title: peer.title, resolvedAt: now))
        }
    }

    /// A row as a callable peer; rows without an access hash cannot be called.
    private static func resolved(_ record: PeerRecord) -> ResolvedPeer? {
        guard let accessHash = record.accessHash else { return nil }
        return ResolvedPeer(id: record.peerId, accessHash: accessHash, title: record.title ?? "", username: record.username)
    }
}
