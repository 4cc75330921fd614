import TL

/// One synthetic channel: identity, and every message as a pure function of (seed, channel, id, now).
public struct SyntheticChannel: Sendable {
    /// The channel's description.
    public let spec: ChannelSpec
    /// The channel id (`peerChannel.channel_id`).
    public let id: Int64
    /// The access hash clients must present in `inputChannel` / `inputPeerChannel`.
    public let accessHash: Int64
    /// The channel a forwarded post comes from (another channel of the world, or this one).
    let forwardSource: (id: Int64, username: String)
    let timeline: ChannelTimeline
    /// The channel's position in the world, which file ids encode (`FileID`).
    let index: Int
    /// The linked discussion group, if the spec asks for one.
    public let discussion: DiscussionGroup?

    init(spec: ChannelSpec, index: Int, seed: UInt64, genesis: Int64, forwardSource: (id: Int64, username: String)?) {
        self.spec = spec
        self.index = index
        let key = Draw.key(spec.username.lowercased())
        id = SyntheticChannel.channelID(seed: seed, username: spec.username)
        var draw = Draw(seed, key, DrawPurpose.identity.rawValue)
        accessHash = Int64(bitPattern: draw.next())
        self.forwardSource = forwardSource ?? (id, spec.username)
        let interval = 3600 / spec.postsPerHour
        let start = spec.start.map { Int64($0.timeIntervalSince1970) }
            ?? genesis - Int64((Double(spec.size) * interval).rounded(.up)) - 1
        let timeline = ChannelTimeline(
            seed: seed, channelKey: key, size: spec.size, start: start, genesis: genesis, interval: interval,
            deletedPerBlock: min(Int((spec.mix.deleted * Double(ChannelTimeline.blockSize)).rounded()),
                                 ChannelTimeline.blockSize - ChannelTimeline.albumMaxLength - 1),
            editedFraction: spec.mix.edited, deletedFraction: spec.mix.deleted, albumFraction: spec.mix.albums,
            keepsFirst: !spec.interopSafe)
        self.timeline = timeline
        discussion = spec.discussion.map { DiscussionGroup(spec: $0, seed: seed, parent: timeline, parentSpec: spec) }
    }

    /// The channel id a username gets in a world with `seed`.
    static func channelID(seed: UInt64, username: String) -> Int64 {
        var draw = Draw(seed, Draw.key(username.lowercased()), DrawPurpose.identity.rawValue, 1)
        return 1_000_000_000 + Int64(draw.below(1_000_000_000))
    }

    /// The channel's peer.
    public var peer: Api.Peer { .peerChannel(.init(channelId: id)) }

    /// The channel as a `Chat` (broadcast channel with username and access hash).
    public var chat: Api.Chat {
        chat(username: spec.username)
    }

    /// The channel as a `Chat` with `username` (the current one after a rename; none once private, nor ever
    /// for a chat reached by invite link); a forum is a megagroup with the `forum` flag.
    func chat(username: String?) -> Api.Chat {
        let username = spec.invite == nil ? username : nil
        if spec.forum != nil {
            return .channel(.init(
                megagroup: true, forum: true, id: id, accessHash: accessHash, title: spec.title, username: username,
                photo: .chatPhotoEmpty, date: Int32(clamping: timeline.date(1)),
                participantsCount: Int32(Self.forumMemberCount)))
        }
        return .channel(.init(
            broadcast: true, signatures: true, hasLink: discussion != nil, id: id, accessHash: accessHash, title: spec.title,
            username: username, photo: .chatPhotoEmpty, date: Int32(clamping: timeline.date(1)),
            participantsCount: Int32(1_000 + Int(UInt64(bitPattern: accessHash) % 50_000))))
    }

    /// The highest id posted by `now` (unix seconds).
    public func topID(at now: Int64) -> Int { timeline.maxID(at: now) }

    /// The number of messages (not deleted) at `now`.
    public func messageCount(at now: Int64) -> Int { timeline.existingCount(through: topID(at: now), at: now) }

    /// Whether message `id` exists at `now`.
    public func exists(_ id: Int, at now: Int64) -> Bool { timeline.exists(id, at: now) }

    /// Message `id` as the server holds it at `now`, or nil for gaps and ids not yet posted.
    public func message(_ id: Int, at now: Int64) -> Api.Message? {
        guard timeline.exists(id, at: now) else { return nil }
        if spec.forum != nil { return renderForum(id, editedAt: visibleEditDate(id, at: now)) }
        return withComments(render(id, editedAt: visibleEditDate(id, at: now)), at: now)
    }

    /// The edit date of `id` visible at `now` (service messages are never edited).
    func visibleEditDate(_ id: Int, at now: Int64) -> Int64? {
        guard plan(id).kind != .service, !isForumService(id) else { return nil }
        return timeline.editDate(id, at: now)
    }

    /// When `id` gets edited, or nil if never (service messages never are).
    func scheduledEditDate(_ id: Int) -> Int64? {
        guard plan(id).kind != .service, !isForumService(id) else { return nil }
        return timeline.scheduledEditDate(id)
    }

    func plan(_ id: Int) -> MessagePlan {
        MessagePlan(id: id, timeline: timeline, mix: spec.mix, interopSafe: spec.interopSafe)
    }

    /// The photo or document of message `id`, whether or not the message exists now; nil for text and service.
    func mediaPlan(_ id: Int) -> MediaPlan? {
        let kind = plan(id).kind
        guard kind == .photo || kind == .document else { return nil }
        var draw = Draw(timeline.seed, timeline.channelKey, UInt64(id), DrawPurpose.media.rawValue)
        return MediaComposer.plan(
            kind: kind, id: FileID.encode(seed: timeline.seed, channelIndex: index, messageID: id), draw: &draw,
            date: Int32(clamping: timeline.date(id)))
    }

    func render(_ id: Int, editedAt: Int64?) -> Api.Message {
        let plan = plan(id)
        let date = Int32(clamping: timeline.date(id))
        let seed = timeline.seed, key = timeline.channelKey
        if plan.kind == .service {
            let action: Api.MessageAction = plan.replyTo == nil
                ? .messageActionChannelCreate(.init(title: spec.title)) : .messageActionPinMessage
            return .messageService(.init(
                post: true, id: Int32(id), peerId: peer,
                replyTo: plan.replyTo.map { .messageReplyHeader(.init(replyToMsgId: Int32($0))) },
                date: date, action: action))
        }
        var textDraw = Draw(seed, key, UInt64(id), DrawPurpose.text.rawValue)
        let isCaptionless = timeline.album(of: id).map { $0.first != id } ?? false
        var composer = isCaptionless ? TextComposer() : TextComposer.compose(draw: &textDraw, mention: forwardSource.username)
        if editedAt != nil { composer.appendEditNote(draw: &textDraw) }
        var counters = Draw(seed, key, UInt64(id), DrawPurpose.counters.rawValue)
        var forwardDraw = Draw(seed, key, UInt64(id), DrawPurpose.forward.rawValue)
        let forward: Api.MessageFwdHeader? = plan.forwarded ? Api.MessageFwdHeader(
            fromId: .peerChannel(.init(channelId: forwardSource.id)),
            date: date - Int32(1 + forwardDraw.below(30 * 86_400)),
            channelPost: Int32(1 + forwardDraw.below(max(1, id))),
            postAuthor: forwardDraw.chance(0.5) ? "Editor \(forwardDraw.below(10))" : nil) : nil
        let emoji = ["👍", "❤", "🔥", "🎉", "😢"]
        let reactionCount = counters.below(4)
        let reactions = reactionCount == 0 ? nil : Api.MessageReactions(
            results: (0..<reactionCount).map { index in
                Api.ReactionCount(reaction: .reactionEmoji(.init(emoticon: emoji[index])), count: Int32(1 + counters.below(500)))
            })
        return .message(.init(
            post: true, id: Int32(id), peerId: peer, fwdFrom: forward,
            replyTo: plan.replyTo.map { .messageReplyHeader(.init(replyToMsgId: Int32($0))) },
            date: date, message: composer.text,
            media: mediaPlan(id)?.media(seed: seed, referenceEpoch: 0),
            entities: composer.entities.isEmpty ? nil : composer.entities,
            views: Int32(50 + counters.below(100_000)), forwards: Int32(counters.below(500)),
            replies: Api.MessageReplies(replies: Int32(counters.below(40)), repliesPts: Int32(id)),
            editDate: editedAt.map { Int32(clamping: $0) },
            postAuthor: counters.chance(0.3) ? "Author \(counters.below(5))" : nil,
            groupedId: plan.groupedID, reactions: reactions))
    }
}
