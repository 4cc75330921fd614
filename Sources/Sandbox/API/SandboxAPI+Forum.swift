import MTProto
import TL

/// Forum supergroups' topic lists (https://core.telegram.org/api/forum#forum-topics).
extension SandboxAPI {
    /// `messages.getForumTopics`: the topics, most recently active first (by top message), paged after
    /// `offset_topic` (`CHANNEL_FORUM_MISSING` for a chat that is no forum), with their top messages.
    func getForumTopics(_ request: Api.Messages.GetForumTopics, context: RequestContext, state: SandboxState)
        -> Result<any TLSerializable, RPCError> {
        let channel: SyntheticChannel
        switch self.channel(request.peer, now: context.now) {
        case .success(let found): channel = found
        case .failure(let error): return .failure(error)
        }
        guard channel.spec.forum != nil else { return .failure(RPCError(.channelForumMissing)) }
        let now = context.unixNow
        let ordered = channel.forumTopics(at: now).sorted { $0.topMessage > $1.topMessage }
        var rest = ordered[...]
        if request.offsetTopic != 0, let index = ordered.firstIndex(where: { $0.id == Int(request.offsetTopic) }) {
            rest = ordered[(index + 1)...]
        }
        let page = Array(rest.prefix(max(0, min(Int(request.limit), 100))))
        let topics: [Api.ForumTopic] = page.map { topic in
            .forumTopic(.init(
                id: Int32(topic.id), date: Int32(clamping: topic.date), peer: channel.peer, title: topic.title,
                iconColor: Int32(0x6FB9F0), topMessage: Int32(topic.topMessage), readInboxMaxId: Int32(topic.topMessage),
                readOutboxMaxId: Int32(topic.topMessage), unreadCount: 0, unreadMentionsCount: 0, unreadReactionsCount: 0,
                unreadPollVotesCount: 0, fromId: .peerUser(.init(userId: SyntheticChannel.firstForumMemberID)),
                notifySettings: Api.PeerNotifySettings()))
        }
        let messages = page.compactMap { channel.message($0.topMessage, at: now) }.map { withCurrentReference($0, state: state) }
        return .success(Api.Messages.ForumTopics(
            count: Int32(ordered.count), topics: topics, messages: messages, chats: world.chats(for: channel, at: context.now),
            users: channel.users(inMessages: messages), pts: Int32(channel.pts(at: now))))
    }
}
