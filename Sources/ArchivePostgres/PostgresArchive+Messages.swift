import Archive
import Foundation
import PostgresNIO
import TL

/// Messages and checkpoints on PostgreSQL: the same rules as `ArchiveStore`'s page commit (`MessageUpsert`),
/// the page's users and discussion links included (`PostgresArchive+Senders`).
extension PostgresArchive: MessageStorage {
    @discardableResult
    public func commitPage(channel: ChannelInfo, job: String, messages: [TLReceived<Api.Message>], checkpoint: Checkpoint,
                           now: Date, media: [MediaEntry], peers: PagePeers) throws(ArchiveError) -> PageCommitResult {
        var records: [MessageRecord] = []
        records.reserveCapacity(messages.count)
        for message in messages {
            records.append(try MessageRecord(channelId: channel.id, received: message, now: now, forum: channel.forum))
        }
        return try transaction { session in
            try session.execute("""
                INSERT INTO channels (id, access_hash, username, title, first_seen, last_seen)
                VALUES (\(channel.id), \(channel.accessHash), \(channel.username), \(channel.title), \(now), \(now))
                ON CONFLICT (id) DO UPDATE SET access_hash = coalesce(excluded.access_hash, channels.access_hash),
                    username = excluded.username, title = excluded.title, last_seen = excluded.last_seen
                """)
            var result = PageCommitResult()
            for record in records {
                result.count(try PostgresMessageUpsert.apply(record, now: now, in: session))
            }
            try Self.storePeers(peers, now: now, in: session)
            if let discussed = peers.discussionOf {
                try Self.linkDiscussion(messages, group: channel.id, discussing: discussed, in: session)
            }
            result.mediaQueued = try Self.queueMedia(media, in: session)
            try Self.saveCheckpoint(checkpoint, job: job, channel: channel.id, now: now, in: session)
            return result
        }
    }

    public func checkpoint(job: String, channel: Int64) throws(ArchiveError) -> Checkpoint? {
        try transaction { session in
            try session.record("""
                SELECT json_build_object('head', head, 'tail', tail, 'window_start', window_start,
                    'window_start_reached', window_start_reached)::text
                FROM checkpoints WHERE job = \(job) AND channel_id = \(channel)
                """, as: Checkpoint.self)
        }
    }

    @discardableResult
    public func markDeleted(channel: Int64, ids: [Int32], noticedAt: Date) throws(ArchiveError) -> Int {
        try transaction { session in
            var marked = 0
            for id in ids {
                let changed = try session.execute("""
                    UPDATE messages SET deleted_at = \(noticedAt), updated_at = \(noticedAt)
                    WHERE channel_id = \(channel) AND id = \(id) AND deleted_at IS NULL AND kind != 'empty'
                    """)
                guard changed > 0 else { continue }
                try PostgresMessageUpsert.appendChange(.deleted, channel: channel, message: id, at: noticedAt, in: session)
                marked += 1
            }
            return marked
        }
    }

    public func archivedIDs(channel: Int64, in range: ClosedRange<Int32>) throws(ArchiveError) -> [Int32] {
        try transaction { session in
            try session.query("""
                SELECT id FROM messages WHERE channel_id = \(channel) AND id BETWEEN \(range.lowerBound) AND \(range.upperBound)
                ORDER BY id
                """).map { try $0.decode(Int32.self) }
        }
    }

    public func message(channel: Int64, id: Int32) throws(ArchiveError) -> MessageRecord? {
        try transaction { session in
            try PostgresMessageUpsert.stored(channel: channel, id: id, in: session)
        }
    }

    public func messageCount(channel: Int64) throws(ArchiveError) -> Int {
        try transaction { session in
            try session.scalar("SELECT count(*) FROM messages WHERE channel_id = \(channel) AND kind != 'empty'",
                               as: Int64.self).map(Int.init) ?? 0
        }
    }

    public func newestArchivedID(channel: Int64) throws(ArchiveError) -> Int32? {
        try transaction { session in
            try session.scalar("SELECT max(id) FROM messages WHERE channel_id = \(channel)", as: Int32.self)
        }
    }

    public func channel(id: Int64) throws(ArchiveError) -> ChannelRecord? {
        try transaction { session in
            try session.record("SELECT to_jsonb(c)::text FROM channels c WHERE id = \(id)", as: ChannelRecord.self)
        }
    }

    public func channels() throws(ArchiveError) -> [ChannelRecord] {
        try transaction { session in
            try session.records("SELECT to_jsonb(c)::text FROM channels c ORDER BY id", as: ChannelRecord.self)
        }
    }

    /// Moves `job`'s checkpoint inside the page's transaction, refusing one that claims unstored messages.
    private static func saveCheckpoint(_ checkpoint: Checkpoint, job: String, channel: Int64, now: Date,
                                       in session: Session) throws {
        let reject = { (reason: String) in ArchiveError.checkpointRejected(job: job, channel: channel, reason: reason) }
        if let head = checkpoint.head {
            let newest = try session.scalar("SELECT max(id) FROM messages WHERE channel_id = \(channel)", as: Int32.self)
            guard let newest, head <= newest else {
                throw reject("head \(head) is above the newest stored message (\(newest.map(String.init) ?? "none"))")
            }
            if let tail = checkpoint.tail, tail > head {
                throw reject("tail \(tail) is above head \(head)")
            }
        }
        try session.execute("""
            INSERT INTO checkpoints (job, channel_id, head, tail, window_start, window_start_reached, updated_at)
            VALUES (\(job), \(channel), \(checkpoint.head), \(checkpoint.tail), \(checkpoint.windowStart),
                \(checkpoint.windowStartReached), \(now))
            ON CONFLICT (job, channel_id) DO UPDATE SET head = excluded.head, tail = excluded.tail,
                window_start = excluded.window_start, window_start_reached = excluded.window_start_reached,
                updated_at = excluded.updated_at
            """)
    }

    /// Queues a page's media in the ledger (a file already queued for the message is left as it is).
    private static func queueMedia(_ entries: [MediaEntry], in session: Session) throws -> Int {
        var queued = 0
        for entry in entries {
            queued += try session.execute("""
                INSERT INTO media (channel_id, message_id, file_id, kind, dc, size, mime_type, file_name, width, height,
                    duration, location, status, bytes_done, skip_reason, attempts, queued_at, updated_at)
                VALUES (\(entry.channelId), \(entry.messageId), \(entry.fileId), \(entry.kind), \(Int32(clamping: entry.dc)),
                    \(entry.size), \(entry.mimeType), \(entry.fileName), \(entry.width.map { Int32(clamping: $0) }),
                    \(entry.height.map { Int32(clamping: $0) }), \(entry.duration), \(entry.location), \(entry.status.rawValue),
                    \(entry.bytesDone), \(entry.skipReason), \(Int32(clamping: entry.attempts)), \(entry.queuedAt), \(entry.updatedAt))
                ON CONFLICT (channel_id, message_id, file_id) DO NOTHING
                """)
        }
        return queued
    }
}
