import MTProto
import TL

extension SandboxAPI {
    /// The channel an `InputChannel` names, if its access hash is right.
    func channel(_ input: Api.InputChannel) -> SyntheticChannel? {
        guard case .inputChannel(let value) = input, let channel = world.channel(id: value.channelId),
              channel.accessHash == value.accessHash else { return nil }
        return channel
    }

    /// The channel an `InputPeer` names, if it is a channel with the right access hash.
    func channel(_ input: Api.InputPeer) -> SyntheticChannel? {
        guard case .inputPeerChannel(let value) = input else { return nil }
        return channel(.inputChannel(.init(channelId: value.channelId, accessHash: value.accessHash)))
    }

    func resolveUsername(_ request: Api.Contacts.ResolveUsername) -> Result<any TLSerializable, RPCError> {
        guard let channel = world.channel(username: request.username) else { return .failure(RPCError(.usernameNotOccupied)) }
        return .success(Api.Contacts.ResolvedPeer(peer: channel.peer, chats: [channel.chat], users: []))
    }

    func getChannels(_ request: Api.Channels.GetChannels) -> Result<any TLSerializable, RPCError> {
        var chats: [Api.Chat] = []
        for input in request.id {
            guard let channel = channel(input) else { return .failure(RPCError(.channelInvalid)) }
            chats.append(channel.chat)
        }
        return .success(Api.Messages.Chats.chats(.init(chats: chats)))
    }

    func getFullChannel(_ request: Api.Channels.GetFullChannel, context: RequestContext) -> Result<any TLSerializable, RPCError> {
        guard let channel = channel(request.channel) else { return .failure(RPCError(.channelInvalid)) }
        let now = context.unixNow
        let top = Int32(channel.topID(at: now))
        let full = Api.ChatFull.channelFull(.init(
            id: channel.id, about: "Synthetic channel @\(channel.spec.username) of the tgcron sandbox",
            participantsCount: 1_000, readInboxMaxId: top, readOutboxMaxId: top, unreadCount: 0,
            chatPhoto: .photoEmpty(.init(id: 0)), notifySettings: Api.PeerNotifySettings(), botInfo: [],
            pts: Int32(channel.pts(at: now))))
        return .success(Api.Messages.ChatFull(fullChat: full, chats: [channel.chat], users: []))
    }

    func getMessages(_ request: Api.Channels.GetMessages, context: RequestContext) -> Result<any TLSerializable, RPCError> {
        guard let channel = channel(request.channel) else { return .failure(RPCError(.channelInvalid)) }
        let now = context.unixNow
        let messages: [Api.Message] = request.id.map { input in
            guard case .inputMessageID(let value) = input else { return .messageEmpty(.init(id: 0)) }
            return channel.message(Int(value.id), at: now) ?? .messageEmpty(.init(id: value.id, peerId: channel.peer))
        }
        return .success(Api.Messages.Messages.channelMessages(.init(
            pts: Int32(channel.pts(at: now)), count: Int32(messages.count), messages: messages, topics: [],
            chats: world.chats(for: channel), users: [])))
    }

    func getHistory(_ request: Api.Messages.GetHistory, context: RequestContext) -> Result<any TLSerializable, RPCError> {
        guard let channel = channel(request.peer) else {
            if case .inputPeerChannel = request.peer { return .failure(RPCError(.channelInvalid)) }
            return .failure(RPCError(.peerIdInvalid))
        }
        let now = context.unixNow
        let ids = HistoryQuery(request).ids(in: channel, at: now)
        let count = Int32(channel.messageCount(at: now))
        if request.hash != 0 && request.hash == HistoryQuery.hash(ids: ids) {
            return .success(Api.Messages.Messages.messagesNotModified(.init(count: count)))
        }
        return .success(Api.Messages.Messages.channelMessages(.init(
            pts: Int32(channel.pts(at: now)), count: count, messages: ids.compactMap { channel.message($0, at: now) },
            topics: [], chats: world.chats(for: channel), users: [])))
    }
}
