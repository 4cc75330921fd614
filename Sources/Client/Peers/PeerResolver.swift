import TL

/// Turns `PeerReference`s into callable channels: `contacts.resolveUsername` once per username,
/// then the `PeerCache` forever; a stale access hash (`CHANNEL_INVALID`) is refreshed with
/// `channels.getChannels`. If that fails too, the channel is gone (deleted, or the account lost access):
/// its username is not resolved again, since whatever holds it now is another channel.
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
        } catch ClientError.rpc(let error) where error.name == "CHANNEL_INVALID" {
            return try await body(try await refresh(peer))
        }
    }

    /// Fetches `peer` again with `channels.getChannels` and caches the answer; a refused access hash
    /// is thrown (`CHANNEL_INVALID`).
    public func refresh(_ peer: ResolvedPeer) async throws -> ResolvedPeer {
        let answer = try await invoker.invoke(Api.Channels.GetChannels(id: [peer.inputChannel]))
        guard let fresh = ResolvedPeer.channel(id: peer.id, in: answer.chatList) else {
            throw ClientError.peerUnavailable(PeerReference.channelID(peer.id).description)
        }
        try await cache.store(fresh, alias: nil)
        return fresh
    }

    /// Calls `contacts.resolveUsername` and caches the channel it names.
    private func resolveUsername(_ name: String) async throws -> ResolvedPeer {
        let resolved: Api.Contacts.ResolvedPeer
        do {
            resolved = try await invoker.invoke(Api.Contacts.ResolveUsername(username: name))
        } catch ClientError.rpc(let error) where error.name == "USERNAME_NOT_OCCUPIED" || error.name == "USERNAME_INVALID" {
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
