import TL

/// Turns `PeerReference`s into callable channels: `contacts.resolveUsername` once per username,
/// then the `PeerCache` forever; a stale access hash (`CHANNEL_INVALID`) is refreshed with
/// `channels.getChannels`, or by resolving the username again if that fails too.
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
        }
    }

    /// Runs `body` with the channel `reference` names; if it fails with `CHANNEL_INVALID`, refreshes
    /// the peer and runs it once more.
    public func withPeer<T: Sendable>(
        _ reference: PeerReference, _ body: (ResolvedPeer) async throws -> T
    ) async throws -> T {
        let peer = try await resolve(reference)
        do {
            return try await body(peer)
        } catch ClientError.rpc(let error) where error.name == .channelInvalid {
            return try await body(try await refresh(peer, reference: reference))
        }
    }

    /// Fetches `peer` again with `channels.getChannels` and caches the answer; if the access hash
    /// is refused, resolves the username again (`reference`'s, else the cached one).
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
            return try await resolveUsername(name)
        }
    }

    /// Calls `contacts.resolveUsername` and caches the channel it names.
    private func resolveUsername(_ name: String) async throws -> ResolvedPeer {
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
        try await cache.store(peer, alias: name)
        return peer
    }
}
