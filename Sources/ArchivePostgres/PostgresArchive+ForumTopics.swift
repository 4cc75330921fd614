import Archive
import Foundation
import PostgresNIO

/// The topics of forum supergroups on PostgreSQL (`forum_topics`, migration `v8-joins-topics`), with
/// `ArchiveStore`'s rules.
extension PostgresArchive {
    public func saveForumTopics(_ topics: [ForumTopicRecord], channel: Int64, now: Date) throws(ArchiveError) {
        try transaction { session in
            for t in topics {
                if t.deleted {
                    let marked = try session.execute("""
                        UPDATE forum_topics SET deleted = true, updated_at = \(now)
                        WHERE channel_id = \(channel) AND topic_id = \(t.topicId)
                        """)
                    if marked > 0 { continue }
                }
                try session.execute("""
                    INSERT INTO forum_topics (channel_id, topic_id, title, date, closed, hidden, deleted, updated_at)
                    VALUES (\(channel), \(t.topicId), \(t.title), \(t.date), \(t.closed), \(t.hidden), \(t.deleted), \(now))
                    ON CONFLICT (channel_id, topic_id) DO UPDATE SET title = excluded.title, date = excluded.date,
                        closed = excluded.closed, hidden = excluded.hidden, deleted = excluded.deleted,
                        updated_at = excluded.updated_at
                    """)
            }
        }
    }

    public func isForum(_ channel: Int64) throws(ArchiveError) -> Bool {
        try transaction { session in
            try session.scalar("SELECT EXISTS (SELECT 1 FROM forum_topics WHERE channel_id = \(channel))", as: Bool.self) ?? false
        }
    }

    public func forumTopics(channel: Int64) throws(ArchiveError) -> [ForumTopicRecord] {
        try transaction { session in
            try session.records("SELECT to_jsonb(t)::text FROM forum_topics t WHERE channel_id = \(channel) ORDER BY topic_id",
                                as: ForumTopicRecord.self)
        }
    }
}
