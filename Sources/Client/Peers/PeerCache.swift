/// Where resolved peers are kept so a username is resolved only once (the archive keeps them for good).
public protocol PeerCache: Sendable {
    /// The peer cached under `username` (case-insensitive, without `@`).
    func peer(username: String) async throws -> ResolvedPeer?
    /// The peer cached under channel `id`.
    func peer(id: Int64) async throws -> ResolvedPeer?
    /// Keeps `peer` under its id and username (and `alias`, the name it was resolved by), replacing older entries.
    func store(_ peer: ResolvedPeer, alias: String?) async throws
}
