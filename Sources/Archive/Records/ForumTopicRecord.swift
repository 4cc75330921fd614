import Foundation

/// A row of `forum_topics`: one topic of a forum supergroup (https://core.telegram.org/api/forum), as
/// `messages.getForumTopics` last listed it. Messages name their topic in `messages.topic_id`.
public struct ForumTopicRecord: ArchiveRecord, Equatable {
    /// The table's name.
    public static let databaseTableName = "forum_topics"

    /// The forum.
    public var channelId: Int64
    /// The topic id: the id of the service message that created it (1 for General).
    public var topicId: Int32
    /// The title.
    public var title: String
    /// Unix time the topic was created.
    public var date: Int64?
    /// Whether the topic is closed to new messages.
    public var closed: Bool
    /// Whether the topic is hidden (only General can be).
    public var hidden: Bool
    /// Whether the topic was deleted (`forumTopicDeleted`); its messages stay archived.
    public var deleted: Bool
    /// When the row was last written.
    public var updatedAt: Date

    /// A row.
    public init(channelId: Int64, topicId: Int32, title: String, date: Int64? = nil, closed: Bool = false,
                hidden: Bool = false, deleted: Bool = false, updatedAt: Date) {
        self.channelId = channelId
        self.topicId = topicId
        self.title = title
        self.date = date
        self.closed = closed
        self.hidden = hidden
        self.deleted = deleted
        self.updatedAt = updatedAt
    }
}
