import Archive
import Foundation
import PostgresNIO

/// Upserts one message row inside a page's transaction on PostgreSQL, with the rules of SQLite's
/// `MessageUpsert`: same content refreshes counters only; changed content is first copied to
/// `message_versions`; `messageEmpty` marks a stored message deleted; new, edited and deleted messages are
/// appended to the change log in the same transaction.
enum PostgresMessageUpsert {
    static func apply(_ incoming: MessageRecord, now: Date, in session: PostgresArchive.Session) throws -> UpsertOutcome {
        var fresh = incoming
        if incoming.kind == .empty { fresh.deletedAt = now }
        if try insertIfAbsent(fresh, in: session) {
            if incoming.kind != .empty {
                try appendChange(.new, channel: incoming.channelId, message: incoming.id, at: now, in: session)
            }
            return .new
        }
        guard let stored = try stored(channel: incoming.channelId, id: incoming.id, in: session) else {
            throw ArchiveError.database(path: "postgres",
                                        reason: "message \(incoming.id) of channel \(incoming.channelId) conflicts but cannot be read")
        }
        if incoming.kind == .empty {
            guard stored.deletedAt == nil, stored.kind != .empty else { return .unchanged }
            try session.execute("""
                UPDATE messages SET deleted_at = \(now), updated_at = \(now)
                WHERE channel_id = \(stored.channelId) AND id = \(stored.id)
                """)
            try appendChange(.deleted, channel: stored.channelId, message: stored.id, at: now, in: session)
            return .updated
        }
        if stored.raw == incoming.raw, stored.deletedAt == nil { return .unchanged }
        let versioned = stored.kind != .empty && incoming.contentDiffers(from: stored)
        if versioned {
            try session.execute("""
                INSERT INTO message_versions (channel_id, message_id, replaced_at, edit_date, text, media_kind, raw, layer)
                VALUES (\(stored.channelId), \(stored.id), \(now), \(stored.editDate), \(stored.text), \(stored.mediaKind),
                    \(stored.raw), \(stored.layer))
                """)
        }
        var replacement = incoming
        replacement.archivedAt = stored.archivedAt
        replacement.updatedAt = now
        try update(replacement, in: session)
        let change: ChangeKind? = stored.kind == .empty ? .new : (versioned ? .edited : nil)
        if let change {
            try appendChange(change, channel: stored.channelId, message: stored.id, at: now, in: session)
        }
        return versioned ? .versioned : .updated
    }

    /// The stored row of message `id` in `channel`.
    static func stored(channel: Int64, id: Int32, in session: PostgresArchive.Session) throws -> MessageRecord? {
        try session.record("""
            SELECT (to_jsonb(m) - 'search')::text FROM messages m WHERE channel_id = \(channel) AND id = \(id)
            """, as: MessageRecord.self)
    }

    /// Appends an entry to the change log.
    static func appendChange(_ kind: ChangeKind, channel: Int64, message: Int32, at: Date,
                             in session: PostgresArchive.Session) throws {
        try session.execute("""
            INSERT INTO changes (channel_id, message_id, kind, at) VALUES (\(channel), \(message), \(kind.rawValue), \(at))
            """)
    }

    private static func insertIfAbsent(_ r: MessageRecord, in session: PostgresArchive.Session) throws -> Bool {
        try session.execute("""
            INSERT INTO messages (channel_id, id, kind, date, edit_date, sender_id, text, views, forwards, replies, reply_to,
                grouped_id, post_author, media_kind, media_size, media_mime, media_digest, action_kind, raw, layer,
                archived_at, updated_at, deleted_at, topic_id)
            VALUES (\(r.channelId), \(r.id), \(r.kind.rawValue), \(r.date), \(r.editDate), \(r.senderId), \(r.text), \(r.views),
                \(r.forwards), \(r.replies), \(r.replyTo), \(r.groupedId), \(r.postAuthor), \(r.mediaKind), \(r.mediaSize),
                \(r.mediaMime), \(r.mediaDigest), \(r.actionKind), \(r.raw), \(r.layer), \(r.archivedAt), \(r.updatedAt),
                \(r.deletedAt), \(r.topicId))
            ON CONFLICT (channel_id, id) DO NOTHING
            """) == 1
    }

    private static func update(_ r: MessageRecord, in session: PostgresArchive.Session) throws {
        try session.execute("""
            UPDATE messages SET kind = \(r.kind.rawValue), date = \(r.date), edit_date = \(r.editDate),
                sender_id = \(r.senderId), text = \(r.text), views = \(r.views), forwards = \(r.forwards),
                replies = \(r.replies), reply_to = \(r.replyTo), grouped_id = \(r.groupedId), post_author = \(r.postAuthor),
                media_kind = \(r.mediaKind), media_size = \(r.mediaSize), media_mime = \(r.mediaMime),
                media_digest = \(r.mediaDigest), action_kind = \(r.actionKind), raw = \(r.raw), layer = \(r.layer),
                archived_at = \(r.archivedAt), updated_at = \(r.updatedAt), deleted_at = \(r.deletedAt),
                topic_id = \(r.topicId)
            WHERE channel_id = \(r.channelId) AND id = \(r.id)
            """)
    }
}
