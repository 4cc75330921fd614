import MTProto
import TL

/// Discussion groups: the group itself (history, messages, difference) and the threads under
/// channel posts (https://core.telegram.org/api/threads, https://core.telegram.org/api/discussion).
extension SandboxAPI {
    /// The channel whose discussion group `input` names (nil if it names no group): `CHANNEL_INVALID` for a
    /// wrong access hash or a deleted channel, `CHANNEL_PRIVATE` once the channel is private.
    func groupOwner(_ input: Api.InputChannel, now: Double) -> Result<SyntheticChannel, RPCError>? {
        guard case .inputChannel(let value) = input, let owner = world.channel(linkedGroupID: value.channelId),
              let group = owner.discussion else { return nil }
        guard group.accessHash == value.accessHash else { return .failure(RPCError(.channelInvalid)) }
        switch world.access(of: owner, at: now) {
        case .open: return .success(owner)
        case .private: return .failure(RPCError(.channelPrivate))
        case .deleted: return .failure(RPCError(.channelInvalid))
        }
    }

    /// As `groupOwner(_:now:)` for an `InputPeer`.
    func groupOwner(_ input: Api.InputPeer, now: Double) -> Result<SyntheticChannel, RPCError>? {
        guard case .inputPeerChannel(let value) = input else { return nil }
        return groupOwner(.inputChannel(.init(channelId: value.channelId, accessHash: value.accessHash)), now: now)
    }

    /// A `channelMessages` answer of group messages, with the chats and users they refer to.
    private func groupMessages(
        _ messages: [Api.Message], count: Int, owner: SyntheticChannel, context: RequestContext, state: SandboxState
    ) -> Api.Messages.Messages {
        .channelMessages(.init(
            pts: Int32(groupPts(owner, at: context.unixNow)),
            count: Int32(count), messages: messages.map { withCurrentReference($0, state: state) }, topics: [],
            chats: world.groupChats(for: owner, at: context.now), users: owner.users(inGroupMessages: messages)))
    }

    /// The group's pts at `now`.
    private func groupPts(_ owner: SyntheticChannel, at now: Int64) -> Int {
        (owner.discussion?.timeline.size ?? 0) + owner.groupEvents(through: now).count
    }

    /// `messages.getHistory` on a discussion group: copies and comments, newest first.
    func groupHistory(
        _ request: Api.Messages.GetHistory, owner: SyntheticChannel, context: RequestContext, state: SandboxState
    ) -> Result<any TLSerializable, RPCError> {
        guard let timeline = owner.discussion?.timeline else { return .failure(RPCError(.peerIdInvalid)) }
        let now = context.unixNow
        let ids = HistoryQuery(request).ids(in: timeline, at: now)
        let count = timeline.existingCount(through: timeline.maxID(at: now), at: now)
        if request.hash != 0 && request.hash == HistoryQuery.hash(ids: ids) {
            return .success(Api.Messages.Messages.messagesNotModified(.init(count: Int32(count))))
        }
        return .success(groupMessages(ids.compactMap { owner.groupMessage($0, at: now) }, count: count, owner: owner, context: context, state: state))
    }

    /// `channels.getMessages` on a discussion group.
    func groupMessagesByID(
        _ request: Api.Channels.GetMessages, owner: SyntheticChannel, context: RequestContext, state: SandboxState
    ) -> Result<any TLSerializable, RPCError> {
        guard let group = owner.discussion else { return .failure(RPCError(.channelInvalid)) }
        let messages: [Api.Message] = request.id.map { input in
            guard case .inputMessageID(let value) = input else { return .messageEmpty(.init(id: 0)) }
            return owner.groupMessage(Int(value.id), at: context.unixNow) ?? .messageEmpty(.init(id: value.id, peerId: group.peer))
        }
        return .success(groupMessages(messages, count: messages.count, owner: owner, context: context, state: state))
    }

    /// The thread a `messages.getReplies` or `messages.getDiscussionMessage` names: the channel and its post,
    /// given as the channel and the post, or as the group and any message of the thread (its copy).
    private func thread(_ peer: Api.InputPeer, msgID: Int32, now: Double) -> Result<(owner: SyntheticChannel, post: Int), RPCError> {
        if let owner = groupOwner(peer, now: now) {
            return owner.flatMap { owner in
                owner.threadPost(ofGroupMessage: Int(msgID)).map { .success((owner, $0)) } ?? .failure(RPCError(.msgIdInvalid))
            }
        }
        return channel(peer, now: now).flatMap { owner in
            guard let timeline = owner.discussion?.timeline, owner.exists(Int(msgID), at: Int64(now.rounded(.down))),
                  timeline.copyID(of: Int(msgID)) != nil else { return .failure(RPCError(.msgIdInvalid)) }
            return .success((owner, Int(msgID)))
        }
    }

    /// `messages.getReplies`: the comments of a post's thread, newest first, paged as history is
    /// (offset_id, offset_date, add_offset, limit, max_id, min_id; https://core.telegram.org/api/threads).
    func getReplies(_ request: Api.Messages.GetReplies, context: RequestContext, state: SandboxState) -> Result<any TLSerializable, RPCError> {
        let owner: SyntheticChannel, post: Int
        switch thread(request.peer, msgID: request.msgId, now: context.now) {
        case .success(let found): (owner, post) = found
        case .failure(let error): return .failure(error)
        }
        guard let timeline = owner.discussion?.timeline else { return .failure(RPCError(.msgIdInvalid)) }
        let now = context.unixNow
        let comments = owner.threadComments(of: post, at: now)
        let query = HistoryQuery(
            offsetID: Int(request.offsetId), offsetDate: Int(request.offsetDate), addOffset: Int(request.addOffset),
            limit: Int(request.limit), maxID: Int(request.maxId), minID: Int(request.minId))
        let ids = query.ids(inAscending: comments, date: timeline.date)
        if request.hash != 0 && request.hash == HistoryQuery.hash(ids: ids) {
            return .success(Api.Messages.Messages.messagesNotModified(.init(count: Int32(comments.count))))
        }
        return .success(groupMessages(
            ids.compactMap { owner.groupMessage($0, at: now) }, count: comments.count, owner: owner, context: context, state: state))
    }

    /// `messages.getDiscussionMessage`: the post's copy in the group, with the thread's newest comment as
    /// `max_id` and everything read (https://core.telegram.org/api/threads).
    func getDiscussionMessage(_ request: Api.Messages.GetDiscussionMessage, context: RequestContext) -> Result<any TLSerializable, RPCError> {
        let owner: SyntheticChannel, post: Int
        switch thread(request.peer, msgID: request.msgId, now: context.now) {
        case .success(let found): (owner, post) = found
        case .failure(let error): return .failure(error)
        }
        let now = context.unixNow
        guard let copy = owner.discussion?.timeline.copyID(of: post), let message = owner.groupMessage(copy, at: now) else {
            return .failure(RPCError(.msgIdInvalid))
        }
        let newest = owner.threadComments(of: post, at: now).last.map { Int32($0) }
        return .success(Api.Messages.DiscussionMessage(
            messages: [message], maxId: newest, readInboxMaxId: newest, readOutboxMaxId: newest, unreadCount: 0,
            chats: world.groupChats(for: owner, at: context.now), users: owner.users(inGroupMessages: [message])))
    }

    /// `channels.getFullChannel` on a discussion group: a megagroup linked to its channel.
    func groupFull(owner: SyntheticChannel, context: RequestContext) -> Result<any TLSerializable, RPCError> {
        guard let group = owner.discussion else { return .failure(RPCError(.channelInvalid)) }
        let now = context.unixNow
        let top = Int32(group.timeline.maxID(at: now))
        let full = Api.ChatFull.channelFull(.init(
            id: group.id, about: "Comments on @\(owner.spec.username)", participantsCount: 500,
            readInboxMaxId: top, readOutboxMaxId: top, unreadCount: 0, chatPhoto: .photoEmpty(.init(id: 0)),
            notifySettings: Api.PeerNotifySettings(), botInfo: [], linkedChatId: owner.id, pts: Int32(groupPts(owner, at: now))))
        return .success(Api.Messages.ChatFull(fullChat: full, chats: world.groupChats(for: owner, at: context.now), users: []))
    }

    /// `updates.getChannelDifference` on a discussion group: its posts (copies and comments), edits and
    /// deletions after `pts`; too long (with the latest messages) before genesis or past the configured gap.
    func groupDifference(
        _ request: Api.Updates.GetChannelDifference, owner: SyntheticChannel, context: RequestContext
    ) -> Result<any TLSerializable, RPCError> {
        guard let group = owner.discussion else { return .failure(RPCError(.channelInvalid)) }
        let now = context.unixNow
        return .success(difference(
            after: Int(request.pts), limit: Int(request.limit), of: ChatLog(
                channelID: group.id, events: owner.groupEvents(through: now), genesisPts: group.timeline.size,
                latest: { HistoryQuery(limit: Self.differenceLimit).ids(in: group.timeline, at: now) },
                message: { owner.groupMessage($0, at: now) }, chats: world.groupChats(for: owner, at: context.now),
                users: { owner.users(inGroupMessages: $0) })))
    }
}
