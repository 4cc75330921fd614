import Archive
import Client
import Foundation
import TL

extension ChannelHarvest {
    /// Topics asked for per `messages.getForumTopics` page.
    static let topicPageSize: Int32 = 100

    /// Lists a forum's topics into the archive, once per run (a few calls under the governor): titles for the
    /// `topic_id` every message of a forum keeps. Channels that are no forum cost nothing.
    mutating func saveForumTopics() async throws {
        guard let peer, try peer.forum || store.isForum(peer.id) else { return }
        self.peer?.forum = true  // a cached peer does not keep the flag; pages committed before the first one's chats need it
        var offset = (date: Int32(0), id: Int32(0), topic: Int32(0))
        var seen = Set<Int32>()
        while true {
            let page: Api.Messages.ForumTopics
            do {
                page = try await invoker.invoke(Api.Messages.GetForumTopics(
                    peer: peer.inputPeer, offsetDate: offset.date, offsetId: offset.id, offsetTopic: offset.topic,
                    limit: Self.topicPageSize))
            } catch ClientError.rpc(let error) where error.name == .channelForumMissing {
                return  // no longer a forum: its messages are archived without topics from here on
            }
            let fresh = page.topics.compactMap(Self.record).filter { seen.insert($0.topicId).inserted }
            try store.saveForumTopics(fresh, channel: peer.id, now: now)
            // Paging follows the last topic's top message (https://core.telegram.org/api/offsets); a short or
            // repeating page is the end.
            guard page.topics.count >= Int(Self.topicPageSize), !fresh.isEmpty,
                  case .forumTopic(let last)? = page.topics.last else { return }
            let top = page.messages.first { $0.messageID == Int(last.topMessage) }
            let lastDate: Int32 = top?.unixDate.map { Int32(clamping: $0) } ?? last.date
            offset = (lastDate, last.topMessage, last.id)
        }
    }

    /// A topic as the archive keeps it (deleted topics by id only).
    private static func record(_ topic: Api.ForumTopic) -> ForumTopicRecord? {
        switch topic {
        case .forumTopic(let value):
            ForumTopicRecord(channelId: 0, topicId: value.id, title: value.title, date: Int64(value.date),
                             closed: value.closed, hidden: value.hidden, updatedAt: Date(timeIntervalSince1970: 0))
        case .forumTopicDeleted(let value):
            ForumTopicRecord(channelId: 0, topicId: value.id, title: "", deleted: true, updatedAt: Date(timeIntervalSince1970: 0))
        }
    }
}
