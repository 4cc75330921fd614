import MTProto
import TL

extension SandboxAPI {
    /// The channel an `InputChannel` names at `now`: `CHANNEL_INVALID` if unknown, deleted or the access hash
    /// is wrong, `CHANNEL_PRIVATE` if it turned private.
    func channel(_ input: Api.InputChannel, now: Double) -> Result<SyntheticChannel, RPCError> {
        guard case .inputChannel(let value) = input, let channel = world.channel(id: value.channelId),
              channel.accessHash == value.accessHash else { return .failure(RPCError(.channelInvalid)) }
        switch world.access(of: channel, at: now) {
        case .open: return .success(channel)
        case .private: return .failure(RPCError(.channelPrivate))
        case .deleted: return .failure(RPCError(.channelInvalid))
        }
    }

    /// The channel an `InputPeer` names at `now`, as `channel(_:now:)`; `PEER_ID_INVALID` if it is no channel.
    func channel(_ input: Api.InputPeer, now: Double) -> Result<SyntheticChannel, RPCError> {
        guard case .inputPeerChannel(let value) = input else { return .failure(RPCError(.peerIdInvalid)) }
        return channel(.inputChannel(.init(channelId: value.channelId, accessHash: value.accessHash)), now: now)
    }

    func resolveUsername(_ request: Api.Contacts.ResolveUsername, context: RequestContext) -> Result<any TLSerializable, RPCError> {
        if let owner = world.channel(resolvingGroup: request.username, at: context.now), let group = owner.discussion {
            return .success(Api.Contacts.ResolvedPeer(peer: group.peer, chats: world.groupChats(for: owner, at: context.now), users: []))
        }
        guard let channel = world.channel(resolving: request.username, at: context.now) else { return .failure(RPCError(.usernameNotOccupied)) }
        return .success(Api.Contacts.ResolvedPeer(peer: channel.peer, chats: [world.chat(channel, at: context.now)], users: []))
    }

    func getChannels(_ request: Api.Channels.GetChannels, context: RequestContext) -> Result<any TLSerializable, RPCError> {
        var chats: [Api.Chat] = []
        for input in request.id {
            if let owner = groupOwner(input, now: context.now) {
                switch owner {
                case .success(let owner): chats += world.groupChat(owner, at: context.now).map { [$0] } ?? []
                case .failure(let error): return .failure(error)
                }
                continue
            }
            switch channel(input, now: context.now) {
            case .success(let channel): chats.append(world.chat(channel, at: context.now))
            case .failure(let error): return .failure(error)
            }
        }
        return .success(Api.Messages.Chats.chats(.init(chats: chats)))
    }

    func getFullChannel(_ request: Api.Channels.GetFullChannel, context: RequestContext) -> Result<any TLSerializable, RPCError> {
        if let owner = groupOwner(request.channel, now: context.now) {
            return owner.flatMap { groupFull(owner: $0, context: context) }
        }
        let channel: SyntheticChannel
        switch self.channel(request.channel, now: context.now) {
        case .success(let found): channel = found
        case .failure(let error): return .failure(error)
        }
        let now = context.unixNow
        let top = Int32(channel.topID(at: now))
        let full = Api.ChatFull.channelFull(.init(
            id: channel.id, about: "Synthetic channel @\(channel.spec.username) of the tgcron sandbox",
            participantsCount: 1_000, readInboxMaxId: top, readOutboxMaxId: top, unreadCount: 0,
            chatPhoto: .photoEmpty(.init(id: 0)), notifySettings: Api.PeerNotifySettings(), botInfo: [],
            linkedChatId: channel.discussion?.id, pts: Int32(channel.pts(at: now))))
        let linked = world.groupChat(channel, at: context.now).map { [$0] } ?? []
        return .success(Api.Messages.ChatFull(fullChat: full, chats: [world.chat(channel, at: context.now)] + linked, users: []))
    }

    func getMessages(_ request: Api.Channels.GetMessages, context: RequestContext, state: SandboxState) -> Result<any TLSerializable, RPCError> {
        if let owner = groupOwner(request.channel, now: context.now) {
            return owner.flatMap { groupMessagesByID(request, owner: $0, context: context, state: state) }
        }
        let channel: SyntheticChannel
        switch self.channel(request.channel, now: context.now) {
        case .success(let found): channel = found
        case .failure(let error): return .failure(error)
        }
        let now = context.unixNow
        let messages: [Api.Message] = request.id.map { input in
            guard case .inputMessageID(let value) = input else { return .messageEmpty(.init(id: 0)) }
            return channel.message(Int(value.id), at: now).map { withCurrentReference($0, state: state) } ?? .messageEmpty(.init(id: value.id, peerId: channel.peer))
        }
        return .success(Api.Messages.Messages.channelMessages(.init(
            pts: Int32(channel.pts(at: now)), count: Int32(messages.count), messages: messages, topics: [],
            chats: world.chats(for: channel, at: context.now), users: channel.users(inMessages: messages))))
    }

    func getHistory(_ request: Api.Messages.GetHistory, context: RequestContext, state: SandboxState) -> Result<any TLSerializable, RPCError> {
        if let owner = groupOwner(request.peer, now: context.now) {
            return owner.flatMap { groupHistory(request, owner: $0, context: context, state: state) }
        }
        let channel: SyntheticChannel
        switch self.channel(request.peer, now: context.now) {
        case .success(let found): channel = found
        case .failure(let error): return .failure(error)
        }
        let now = context.unixNow
        let ids = HistoryQuery(request).ids(in: channel, at: now)
        let count = Int32(channel.messageCount(at: now))
        if request.hash != 0 && request.hash == HistoryQuery.hash(ids: ids) {
            return .success(Api.Messages.Messages.messagesNotModified(.init(count: count)))
        }
        var messages = ids.compactMap { channel.message($0, at: now).map { withCurrentReference($0, state: state) } }
        if let every = configuration.invalidUTF8Every { messages = messages.map { InvalidUTF8Texts.mark($0, every: every) } }
        let answer = Api.Messages.Messages.channelMessages(.init(
            pts: Int32(channel.pts(at: now)), count: count, messages: messages,
            topics: [], chats: world.chats(for: channel, at: context.now), users: channel.users(inMessages: messages)))
        return .success(configuration.invalidUTF8Every == nil ? answer : InvalidUTF8Answer(answer: answer))
    }
}
