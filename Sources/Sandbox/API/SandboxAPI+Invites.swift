import MTProto
import TL

/// Private chats and their invite links (https://core.telegram.org/api/invites): `messages.checkChatInvite`,
/// `messages.importChatInvite`, and `CHANNEL_PRIVATE` for every read of a private chat by an account that
/// is not a member.
extension SandboxAPI {
    /// Whether `phone`'s account is a member of private `channel` at `now`: joined, or its join request was
    /// approved by then.
    func isMember(_ phone: String, of channel: SyntheticChannel, state: SandboxState, now: Double) -> Bool {
        if state.joined[phone]?[channel.id] != nil { return true }
        guard let requested = state.joinRequests[phone]?[channel.id], let delay = channel.spec.invite?.approvedAfter else { return false }
        return now >= requested + delay
    }

    /// The link named by `hash`: `INVITE_HASH_INVALID` if none, `INVITE_HASH_EXPIRED` once revoked (values
    /// from errors.csv; a member checking an expired link still gets the error, as Telegram answers).
    private func inviteChannel(_ hash: String) -> Result<SyntheticChannel, RPCError> {
        guard !hash.isEmpty else { return .failure(RPCError(.inviteHashEmpty)) }
        guard let channel = world.channel(inviteHash: hash), let invite = channel.spec.invite else {
            return .failure(RPCError(.inviteHashInvalid))
        }
        return invite.expired ? .failure(RPCError(.inviteHashExpired)) : .success(channel)
    }

    /// `messages.checkChatInvite`: `chatInviteAlready` for a member, `chatInvitePeek` (reads allowed until it
    /// expires) for a link that previews, else `chatInvite` with the chat's title, kind and `request_needed`.
    func checkChatInvite(_ request: Api.Messages.CheckChatInvite, phone: String, context: RequestContext, state: inout SandboxState)
        -> Result<any TLSerializable, RPCError> {
        inviteChannel(request.hash).map { channel -> any TLSerializable in
            if isMember(phone, of: channel, state: state, now: context.now) {
                return Api.ChatInvite.chatInviteAlready(.init(chat: world.chat(channel, at: context.now)))
            }
            if let seconds = channel.spec.invite?.peek {
                let until = context.now + seconds
                state.peeks[phone, default: [:]][channel.id] = until
                return Api.ChatInvite.chatInvitePeek(.init(chat: world.chat(channel, at: context.now), expires: Int32(clamping: Int64(until))))
            }
            let megagroup = channel.spec.forum != nil
            return Api.ChatInvite.chatInvite(.init(
                channel: true, broadcast: !megagroup, megagroup: megagroup,
                requestNeeded: channel.spec.invite?.requestNeeded ?? false, title: channel.spec.title,
                photo: .photoEmpty(.init(id: 0)), participantsCount: 1_000, color: 0))
        }
    }

    /// `messages.importChatInvite`: joins (`chatInviteJoinResultOk` with the chat), or records a join request
    /// (`INVITE_REQUEST_SENT`, again for every later import until approved); `USER_ALREADY_PARTICIPANT` for members.
    func importChatInvite(_ request: Api.Messages.ImportChatInvite, phone: String, context: RequestContext, state: inout SandboxState)
        -> Result<any TLSerializable, RPCError> {
        let channel: SyntheticChannel
        switch inviteChannel(request.hash) {
        case .success(let found): channel = found
        case .failure(let error): return .failure(error)
        }
        if isMember(phone, of: channel, state: state, now: context.now) { return .failure(RPCError(.userAlreadyParticipant)) }
        if channel.spec.invite?.requestNeeded == true {
            if state.joinRequests[phone]?[channel.id] == nil { state.joinRequests[phone, default: [:]][channel.id] = context.now }
            return .failure(RPCError(.inviteRequestSent))
        }
        state.joined[phone, default: [:]][channel.id] = context.now
        let updates = Api.Updates.updates(.init(
            updates: [], users: [], chats: [world.chat(channel, at: context.now)], date: Int32(clamping: context.unixNow),
            seq: 0))
        return .success(Api.Messages.ChatInviteJoinResult.chatInviteJoinResultOk(.init(updates: updates)))
    }

    /// `CHANNEL_PRIVATE` when `function` reads a private chat `phone`'s account is not a member of (nor previews).
    func privateChatRefusal(_ function: any TLDecodableFunction, phone: String, state: SandboxState, now: Double) -> RPCError? {
        for id in Self.channelIDs(named: function) {
            guard let channel = world.channel(id: id), channel.spec.invite != nil else { continue }
            let previewing = (state.peeks[phone]?[channel.id]).map { now < $0 } ?? false
            if !previewing, !isMember(phone, of: channel, state: state, now: now) { return RPCError(.channelPrivate) }
        }
        return nil
    }

    /// The channel ids a read names.
    private static func channelIDs(named function: any TLDecodableFunction) -> [Int64] {
        func id(_ peer: Api.InputPeer) -> [Int64] {
            if case .inputPeerChannel(let value) = peer { return [value.channelId] }
            return []
        }
        func id(_ channel: Api.InputChannel) -> [Int64] {
            if case .inputChannel(let value) = channel { return [value.channelId] }
            return []
        }
        return switch function {
        case let request as Api.Messages.GetHistory: id(request.peer)
        case let request as Api.Messages.GetReplies: id(request.peer)
        case let request as Api.Messages.GetDiscussionMessage: id(request.peer)
        case let request as Api.Messages.GetForumTopics: id(request.peer)
        case let request as Api.Channels.GetMessages: id(request.channel)
        case let request as Api.Channels.GetFullChannel: id(request.channel)
        case let request as Api.Channels.GetChannels: request.id.flatMap(id)
        case let request as Api.Updates.GetChannelDifference: id(request.channel)
        default: []
        }
    }
}
