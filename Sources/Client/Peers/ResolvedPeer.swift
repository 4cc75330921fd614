import TL

/// A channel the client can call: its id and access hash, with the title and username seen when resolved.
public struct ResolvedPeer: Sendable, Hashable {
    /// The API channel id.
    public var id: Int64
    /// The access hash that goes with `id` for this account.
    public var accessHash: Int64
    /// The title when resolved.
    public var title: String
    /// The username when resolved, without `@`, if the channel has one.
    public var username: String?
    /// Whether the chat was a forum supergroup when seen (not kept by peer caches: history pages say it again).
    public var forum: Bool

    /// Creates a resolved peer.
    public init(id: Int64, accessHash: Int64, title: String, username: String?, forum: Bool = false) {
        self.id = id
        self.accessHash = accessHash
        self.title = title
        self.username = username
        self.forum = forum
    }

    /// The peer as `messages.getHistory` takes it.
    public var inputPeer: Api.InputPeer {
        .inputPeerChannel(.init(channelId: id, accessHash: accessHash))
    }

    /// The peer as `channels.*` methods take it.
    public var inputChannel: Api.InputChannel {
        .inputChannel(.init(channelId: id, accessHash: accessHash))
    }

    /// The usable channel `id` among `chats` (nil if absent, a `min` constructor or without access hash).
    public static func channel(id: Int64, in chats: [Api.Chat]) -> ResolvedPeer? {
        for chat in chats {
            guard case .channel(let channel) = chat, channel.id == id, !channel.min,
                  let accessHash = channel.accessHash else { continue }
            return ResolvedPeer(id: channel.id, accessHash: accessHash, title: channel.title, username: channel.username,
                                forum: channel.forum)
        }
        return nil
    }
}
