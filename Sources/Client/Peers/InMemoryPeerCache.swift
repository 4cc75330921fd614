/// A `PeerCache` in memory, for tests and one-off runs.
public actor InMemoryPeerCache: PeerCache {
    private var byID: [Int64: ResolvedPeer] = [:]
    private var idByUsername: [String: Int64] = [:]

    /// An empty cache.
    public init() {}

    /// The peer cached under `username`.
    public func peer(username: String) -> ResolvedPeer? {
        idByUsername[username.lowercased()].flatMap { byID[$0] }
    }

    /// The peer cached under `id`.
    public func peer(id: Int64) -> ResolvedPeer? {
        byID[id]
    }

    /// Keeps `peer` under its id, its username and `alias`.
    public func store(_ peer: ResolvedPeer, alias: String?) {
        byID[peer.id] = peer
        for name in [peer.username, alias].compactMap({ $0 }) {
            idByUsername[name.lowercased()] = peer.id
        }
    }
}
