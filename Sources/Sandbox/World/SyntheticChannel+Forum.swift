import TL

/// Forum supergroups (https://core.telegram.org/api/forum): topics opened by `messageActionTopicCreate`
/// service messages (the topic's id is that message's id), General (id 1) for everything that names no
/// topic, members posting as themselves or as one of their channels.
extension SyntheticChannel {
    /// The first forum member's user id (discussion commenters start at 5 000 000 000, accounts below 10⁹).
    static let firstForumMemberID: Int64 = 5_100_000_000
    /// Synthetic forum members.
    static let forumMemberCount = 80
    /// The first channel members post as (world channels have ids between 10⁹ and 2·10⁹).
    static let firstSenderChannelID: Int64 = 6_000_000_000
    /// Channels members post as.
    static let senderChannelCount = 3
    /// Messages looked back over for an earlier message of the same topic to reply to.
    static let replyLookBack = 40

    /// The topics' ids in creation order (each its creation message's id), spread over the first half of the
    /// history; none outside forums.
    public var topicIDs: [Int] {
        guard let forum = spec.forum, !forum.topics.isEmpty else { return [] }
        let spacing = max(1, spec.size / 2 / forum.topics.count)
        return forum.topics.indices.map { 2 + $0 * spacing }
    }

    /// The title of topic `topicID` ("General" for 1), nil if the forum has no such topic.
    public func topicTitle(_ topicID: Int) -> String? {
        if topicID == 1 { return spec.forum == nil ? nil : "General" }
        guard let index = topicIDs.firstIndex(of: topicID) else { return nil }
        return spec.forum?.topics[index]
    }

    /// Whether message `id` is one of a forum's service messages (its creation, a topic's creation), never edited.
    func isForumService(_ id: Int) -> Bool {
        spec.forum != nil && (id == 1 || topicIDs.contains(id))
    }

    /// The topic message `id` of the forum is in: its own id for a topic's creation message, else one of the
    /// topics open by then or General (1); nil outside forums.
    public func topic(ofMessage id: Int) -> Int? {
        guard spec.forum != nil else { return nil }
        let topics = topicIDs
        if topics.contains(id) { return id }
        let open = topics.filter { $0 < id }
        guard id > 1, !open.isEmpty else { return 1 }
        var draw = Draw(timeline.seed, timeline.channelKey, UInt64(id), DrawPurpose.topic.rawValue)
        let pick = draw.below(open.count + 1)
        return pick == 0 ? 1 : open[pick - 1]
    }

    /// Message `id` of the forum: the group's creation (1), a topic's creation, or a member's message in its
    /// topic (`reply_to` with `forum_topic`, and `reply_to_top_id` when it replies to another message of the topic).
    func renderForum(_ id: Int, editedAt: Int64?) -> Api.Message {
        let date = Int32(clamping: timeline.date(id))
        if id == 1 {
            return .messageService(.init(id: 1, peerId: peer, date: date, action: .messageActionChannelCreate(.init(title: spec.title))))
        }
        let topic = topic(ofMessage: id) ?? 1
        if topic == id, let title = topicTitle(id) {
            return .messageService(.init(
                id: Int32(id), fromId: .peerUser(.init(userId: Self.firstForumMemberID)), peerId: peer, date: date,
                action: .messageActionTopicCreate(.init(title: title, iconColor: Int32(0x6FB9F0)))))
        }
        var textDraw = Draw(timeline.seed, timeline.channelKey, UInt64(id), DrawPurpose.text.rawValue)
        var composer = TextComposer.compose(draw: &textDraw, mention: spec.username)
        if editedAt != nil { composer.appendEditNote(draw: &textDraw) }
        return .message(.init(
            id: Int32(id), fromId: forumSender(id), peerId: peer, replyTo: forumReplyHeader(id, topic: topic), date: date,
            message: composer.text, media: mediaPlan(id)?.media(seed: timeline.seed, referenceEpoch: 0),
            entities: composer.entities.isEmpty ? nil : composer.entities, editDate: editedAt.map { Int32(clamping: $0) }))
    }

    /// How message `id` in `topic` replies: in a topic always with `forum_topic` (to an earlier message of the
    /// topic, with the topic as `reply_to_top_id`, or else to the topic itself); in General only when it
    /// replies to an earlier General message, without `forum_topic`.
    private func forumReplyHeader(_ id: Int, topic: Int) -> Api.MessageReplyHeader? {
        var draw = Draw(timeline.seed, timeline.channelKey, UInt64(id), DrawPurpose.topicReply.rawValue)
        let replies = draw.chance(spec.forum?.replies ?? 0)
        let floor = max(topic + 1, id - Self.replyLookBack)
        let earlier = replies && floor < id ? (floor..<id).reversed().first { self.topic(ofMessage: $0) == topic && !topicIDs.contains($0) } : nil
        if topic == 1 {
            return earlier.map { .messageReplyHeader(.init(replyToMsgId: Int32($0))) }
        }
        if let earlier {
            return .messageReplyHeader(.init(forumTopic: true, replyToMsgId: Int32(earlier), replyToTopId: Int32(topic)))
        }
        return .messageReplyHeader(.init(forumTopic: true, replyToMsgId: Int32(topic)))
    }

    /// Who sent forum message `id`: a member, or (rarely) one of the channels members post as.
    private func forumSender(_ id: Int) -> Api.Peer {
        var draw = Draw(timeline.seed, timeline.channelKey, UInt64(id), DrawPurpose.forumSender.rawValue)
        if draw.chance(spec.forum?.channelSenders ?? 0) {
            return .peerChannel(.init(channelId: Self.firstSenderChannelID + Int64(draw.below(Self.senderChannelCount))))
        }
        let unit = draw.unit()
        return .peerUser(.init(userId: Self.firstForumMemberID + Int64(Double(Self.forumMemberCount) * unit * unit)))
    }

    /// The channels forum members post as (broadcast channels of their own, outside the world's list).
    var senderChannels: [Api.Chat] {
        guard spec.forum != nil else { return [] }
        return (0..<Self.senderChannelCount).map { index in
            let id = Self.firstSenderChannelID + Int64(index)
            var draw = Draw(timeline.seed, timeline.channelKey, UInt64(index), DrawPurpose.identity.rawValue, 5)
            return .channel(.init(
                broadcast: true, id: id, accessHash: Int64(bitPattern: draw.next()), title: "Member Blog \(index + 1)",
                username: "member_blog_\(index + 1)", photo: .chatPhotoEmpty, date: Int32(clamping: timeline.date(1))))
        }
    }

    /// The users `messages` of this channel refer to as senders, each once (none outside forums).
    public func users(inMessages messages: [Api.Message]) -> [Api.User] {
        guard spec.forum != nil else { return [] }
        var seen = Set<Int64>()
        return messages.compactMap { message in
            let sender: Api.Peer?
            switch message {
            case .message(let value): sender = value.fromId
            case .messageService(let value): sender = value.fromId
            case .messageEmpty: sender = nil
            }
            guard case .peerUser(let user)? = sender, seen.insert(user.userId).inserted else { return nil }
            let index = user.userId - Self.firstForumMemberID
            guard (0..<Int64(Self.forumMemberCount)).contains(index) else { return nil }
            return SyntheticUser.make(seed: timeline.seed, groupKey: timeline.channelKey, index: index, id: user.userId)
        }
    }

    /// The forum's topics at `now`, General first then by creation: id, title, creation date and the newest
    /// existing message of the topic (its top message).
    public func forumTopics(at now: Int64) -> [(id: Int, title: String, date: Int, topMessage: Int)] {
        guard spec.forum != nil else { return [] }
        let top = topID(at: now)
        var newest: [Int: Int] = [:]
        if top >= 1 {
            for id in (1...top).reversed() where timeline.exists(id, at: now) {
                guard let topic = topic(ofMessage: id), newest[topic] == nil else { continue }
                newest[topic] = id
            }
        }
        return ([1] + topicIDs).compactMap { topic in
            guard topic == 1 || topic <= top, let title = topicTitle(topic) else { return nil }
            return (topic, title, Int(timeline.date(topic)), newest[topic] ?? topic)
        }
    }
}
