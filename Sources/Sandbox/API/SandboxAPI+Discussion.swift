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
        let events = owner.groupEvents(through: now)
        let genesisPts = group.timeline.size
        let current = genesisPts + events.count
        let from = Int(request.pts)
        if from >= current {
            return .success(Api.Updates.ChannelDifference.channelDifferenceEmpty(.init(final: true, pts: Int32(current), timeout: 30)))
        }
        let chats = world.groupChats(for: owner, at: context.now)
        if from < genesisPts || current - from > configuration.differenceTooLong {
            let latestIDs = HistoryQuery(limit: Self.differenceLimit).ids(in: group.timeline, at: now)
            let latest = latestIDs.compactMap { owner.groupMessage($0, at: now) }
            let top = Int32(latestIDs.first ?? 0)
            let dialog = Api.Dialog.dialog(.init(
                peer: group.peer, topMessage: top, readInboxMaxId: top, readOutboxMaxId: 0, unreadCount: 0,
                unreadMentionsCount: 0, unreadReactionsCount: 0, unreadPollVotesCount: 0,
                notifySettings: Api.PeerNotifySettings(), pts: Int32(current)))
            return .success(Api.Updates.ChannelDifference.channelDifferenceTooLong(.init(
                final: true, timeout: 30, dialog: dialog, messages: latest, chats: chats, users: owner.users(inGroupMessages: latest))))
        }
        let limit = request.limit <= 0 ? Self.differenceLimit : min(Int(request.limit), Self.differenceLimit)
        let start = from - genesisPts
        let slice = events[start..<min(start + limit, events.count)]
        let postedHere = Set(slice.filter { $0.change == .posted }.map(\.id))
        var newMessages: [Api.Message] = []
        var otherUpdates: [Api.Update] = []
        for event in slice {
            switch event.change {
            case .posted:
                if let message = owner.groupMessage(event.id, at: now) { newMessages.append(message) }
            case .edited:
                guard !postedHere.contains(event.id), let message = owner.groupMessage(event.id, at: now) else { continue }
                otherUpdates.append(.updateEditChannelMessage(.init(message: message, pts: Int32(event.pts), ptsCount: 1)))
            case .deleted:
                otherUpdates.append(.updateDeleteChannelMessages(.init(
                    channelId: group.id, messages: [Int32(event.id)], pts: Int32(event.pts), ptsCount: 1)))
            }
        }
        let edited = otherUpdates.compactMap { update -> Api.Message? in
            if case .updateEditChannelMessage(let value) = update { return value.message }
            return nil
        }
        return .success(Api.Updates.ChannelDifference.channelDifference(.init(
            final: slice.endIndex == events.count, pts: Int32(slice.last?.pts ?? current), timeout: 30,
            newMessages: newMessages, otherUpdates: otherUpdates, chats: chats,
            users: owner.users(inGroupMessages: newMessages + edited))))
    }
}
