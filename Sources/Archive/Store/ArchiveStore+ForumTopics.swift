import Foundation
import GRDB

/// The topics of forum supergroups (`forum_topics`).
extension ArchiveStore {
    /// Stores the topics of `channel` as listed at `now` in one transaction; a topic listed as deleted keeps
    /// its title and is marked, one not listed is left as it was.
    public func saveForumTopics(_ topics: [ForumTopicRecord], channel: Int64, now: Date) throws(ArchiveError) {
        try write { db in
            for var topic in topics {
                topic.channelId = channel
                topic.updatedAt = now
                if topic.deleted, let stored = try ForumTopicRecord.fetchOne(db, key: ["channel_id": channel, "topic_id": topic.topicId]) {
                    var marked = stored
                    marked.deleted = true
                    marked.updatedAt = now
                    try marked.update(db)
                } else {
                    try topic.upsert(db)
                }
            }
        }
    }

    /// Whether `channel` is known as a forum (a run listed its topics), for callers without the chat's flags at
    /// hand (watch mode's cached peer), so General's messages still go to topic 1.
    public func isForum(_ channel: Int64) throws(ArchiveError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM forum_topics WHERE channel_id = ?)", arguments: [channel]) ?? false
        }
    }

    /// The topics of `channel`, by id.
    public func forumTopics(channel: Int64) throws(ArchiveError) -> [ForumTopicRecord] {
        try read { db in
            try ForumTopicRecord.filter(Column("channel_id") == channel).order(Column("topic_id")).fetchAll(db)
        }
    }
}
