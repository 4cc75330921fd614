import TL

/// Turns `PeerReference`s into callable channels: `contacts.resolveUsername` once per username,
/// then the `PeerCache` forever; a stale access hash (`CHANNEL_INVALID`, which the caller sees and
/// answers with `refresh`, as the harvester does once per run) is refreshed with `channels.getChannels`, or by resolving the username again if that fails too (an access hash cached
/// for another account). A username that now names another channel is refused, never followed.
public struct PeerResolver: Sendable {
    /// Where calls go.
    public let invoker: any Invoker
    /// Where resolved peers are kept.
    public let cache: any PeerCache

    /// A resolver calling through `invoker` and caching in `cache`.
    public init(invoker: any Invoker, cache: any PeerCache) {
        self.invoker = invoker
        self.cache = cache
    }

    /// The channel `reference` names: from the cache if there, else resolved and cached. A bare id
    /// must already be cached (an access hash cannot be learnt from an id alone).
    public func resolve(_ reference: PeerReference) async throws -> ResolvedPeer {
        switch reference {
        case .username(let name):
            if let cached = try await cache.peer(username: name) { return cached }
            return try await resolveUsername(name)
        case .channelID(let id):
            if let cached = try await cache.peer(id: id) { return cached }
            throw ClientError.peerUnavailable(reference.description)
        case .invite:
            // Joining is a run's decision, paced and remembered by the harvester (`InviteAccess`), never a lookup's.
            throw ClientError.peerUnavailable("\(reference) (not joined yet: a scheduled run joins it)")
        }
    }

    /// Fetches `peer` again with `channels.getChannels` and caches the answer; if the access hash
    /// is refused, resolves the username again (`reference`'s, else the cached one), which must still name
    /// the same channel (`.peerUnavailable` if it names none or another: the channel was deleted).
    public func refresh(_ peer: ResolvedPeer, reference: PeerReference? = nil) async throws -> ResolvedPeer {
        do {
            let answer = try await invoker.invoke(Api.Channels.GetChannels(id: [peer.inputChannel]))
            guard let fresh = ResolvedPeer.channel(id: peer.id, in: answer.chatList) else {
                throw ClientError.peerUnavailable(PeerReference.channelID(peer.id).description)
            }
            try await cache.store(fresh, alias: nil)
            return fresh
        } catch ClientError.rpc(let error) where error.name == .channelInvalid {
            var name = peer.username
            if case .username(let given)? = reference { name = given }
            guard let name else { throw ClientError.rpc(error) }
            return try await resolveUsername(name, expecting: peer.id)
        }
    }

    /// Calls `contacts.resolveUsername` and caches the channel it names; with `expected`, only if it is
    /// still that channel.
    private func resolveUsername(_ name: String, expecting expected: Int64? = nil) async throws -> ResolvedPeer {
        let resolved: Api.Contacts.ResolvedPeer
        do {
            resolved = try await invoker.invoke(Api.Contacts.ResolveUsername(username: name))
        } catch ClientError.rpc(let error) where error.name == .usernameNotOccupied || error.name == .usernameInvalid {
            throw ClientError.peerUnavailable("@\(name)")
        }
        guard case .peerChannel(let channel) = resolved.peer,
              let peer = ResolvedPeer.channel(id: channel.channelId, in: resolved.chats) else {
            throw ClientError.peerUnavailable("@\(name)")
        }
        if let expected, peer.id != expected {
            throw ClientError.peerUnavailable("@\(name) (it now names another channel)")
        }
        try await cache.store(peer, alias: name)
        return peer
    }
}
