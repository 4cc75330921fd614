import TL

extension SyntheticChannel {
    /// Message `id` of the channel's discussion group as the server holds it at `now`, or nil for gaps,
    /// ids not yet posted, and channels without a group.
    ///
    /// A post's copy is forwarded from the channel (`fwd_from` with `channel_post` and `saved_from_*`,
    /// sent by the channel itself); a comment carries `reply_to` with the copy as `reply_to_top_id`
    /// (https://core.telegram.org/api/threads).
    public func groupMessage(_ id: Int, at now: Int64) -> Api.Message? {
        guard let group = discussion, group.timeline.exists(id, at: now) else { return nil }
        let timeline = group.timeline
        let slot = timeline.slot(id)
        let edited = timeline.editDate(id, at: now)
        switch slot {
        case .missingCopy: return nil
        case .copy(let post):
            guard case .message(let original) = render(post, editedAt: edited) else { return nil }
            return .message(.init(
                id: Int32(id), fromId: peer, peerId: group.peer,
                fwdFrom: Api.MessageFwdHeader(
                    fromId: peer, date: original.date, channelPost: Int32(post), savedFromPeer: peer,
                    savedFromMsgId: Int32(post)),
                date: original.date, message: original.message, media: original.media, entities: original.entities,
                editDate: edited.map { Int32(clamping: $0) }, groupedId: original.groupedId))
        case .comment(let post, let index, _):
            let thread = timeline.thread(ofComment: id, after: post)
            guard let top = timeline.copyID(of: thread) else { return nil }
            let replied = timeline.repliedComment(id, thread: thread, index: index, after: post)
            var draw = Draw(timeline.parent.seed, timeline.groupKey, UInt64(id), DrawPurpose.text.rawValue)
            var composer = TextComposer.compose(draw: &draw, mention: spec.username)
            if edited != nil { composer.appendEditNote(draw: &draw) }
            return .message(.init(
                id: Int32(id), fromId: group.sender(ofComment: id, channelID: self.id), peerId: group.peer,
                replyTo: .messageReplyHeader(.init(replyToMsgId: Int32(replied ?? top), replyToTopId: Int32(top))),
                date: Int32(clamping: timeline.date(of: slot)), message: composer.text,
                entities: composer.entities.isEmpty ? nil : composer.entities,
                editDate: edited.map { Int32(clamping: $0) }))
        }
    }

    /// The post `id` with its comment counter (`messageReplies` with `comments`, the group's id and the
    /// newest comment), when the channel has a discussion group.
    func withComments(_ message: Api.Message, at now: Int64) -> Api.Message {
        guard let group = discussion, case .message(var value) = message,
              let copy = group.timeline.copyID(of: Int(value.id)) else { return message }
        let comments = group.timeline.threadComments(of: Int(value.id), at: now)
        value.replies = Api.MessageReplies(
            comments: true, replies: Int32(comments.count), repliesPts: Int32(comments.last ?? copy),
            channelId: group.id, maxId: comments.last.map { Int32($0) })
        return .message(value)
    }

    /// The post whose thread group message `id` opens or belongs to (nil for gaps and other chats).
    public func threadPost(ofGroupMessage id: Int) -> Int? {
        guard let timeline = discussion?.timeline, id >= 1 else { return nil }
        switch timeline.slot(id) {
        case .copy(let post): return post
        case .missingCopy: return nil
        case .comment(let post, _, _): return timeline.thread(ofComment: id, after: post)
        }
    }

    /// The users group messages refer to (their senders), each once.
    public func users(inGroupMessages messages: [Api.Message]) -> [Api.User] {
        guard let group = discussion else { return [] }
        var seen = Set<Int64>()
        return messages.compactMap { message in
            guard case .message(let value) = message, case .peerUser(let user)? = value.fromId,
                  seen.insert(user.userId).inserted else { return nil }
            return group.commenter(user.userId)
        }
    }

    /// The existing messages of the discussion group at `now`, ascending by id.
    public func groupTruth(at now: Int64) -> [Api.Message] {
        guard let timeline = discussion?.timeline else { return [] }
        let top = timeline.maxID(at: now)
        guard top >= 1 else { return [] }
        return (1...top).compactMap { groupMessage($0, at: now) }
    }

    /// The existing comments of `post`'s thread at `now`, ascending by id.
    public func threadComments(of post: Int, at now: Int64) -> [Int] {
        discussion?.timeline.threadComments(of: post, at: now) ?? []
    }

    /// The discussion group's events since genesis, in pts order.
    public func groupEvents(through now: Int64) -> [ChannelEvent] {
        guard let timeline = discussion?.timeline else { return [] }
        return timeline.events(through: now, scheduledEdit: timeline.scheduledEditDate)
    }
}
