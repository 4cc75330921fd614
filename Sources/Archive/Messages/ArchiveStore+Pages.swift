import Foundation
import GRDB
import TL

extension ArchiveStore {
    /// Archives a page of `channel`'s messages and moves `job`'s checkpoint, all in one transaction.
    ///
    /// Either every message and the checkpoint are stored, or nothing is: after a crash or an error at any
    /// moment, the stored checkpoint never claims messages that are not stored. The checkpoint is rejected
    /// (and the page with it) if its `head` is above every stored id of the channel or its `tail` above its
    /// `head`. Re-committing a page is harmless: rows are keyed by (channel, id). A message marked deleted
    /// that the server returns again is unmarked: it exists.
    /// `media` are the page's files for the media ledger, queued in the same transaction; `peers` the users and
    /// chats the answer listed (stored in `users`) and, for a discussion group, the channel it discusses (its
    /// messages are linked to their posts).
    @discardableResult
    public func commitPage(channel: ChannelInfo, job: String, messages: [TLReceived<Api.Message>], checkpoint: Checkpoint,
                           now: Date, media: [MediaEntry] = [], peers: PagePeers = PagePeers()) throws(ArchiveError) -> PageCommitResult {
        try commitPage(channel: channel, job: job, messages: messages, checkpoint: checkpoint, now: now,
                       media: media, peers: peers, beforeEachMessage: { _ in })
    }

    /// `commitPage` for messages built or decoded elsewhere, stored with their serialization as `raw`.
    @discardableResult
    public func commitPage(channel: ChannelInfo, job: String, messages: [Api.Message], checkpoint: Checkpoint,
                           now: Date, media: [MediaEntry] = [], peers: PagePeers = PagePeers()) throws(ArchiveError) -> PageCommitResult {
        try commitPage(channel: channel, job: job, messages: messages.map(TLReceived.init(serializing:)), checkpoint: checkpoint,
                       now: now, media: media, peers: peers, beforeEachMessage: { _ in })
    }

    /// `commitPage` of locally built messages with the crash hook below.
    func commitPage(channel: ChannelInfo, job: String, messages: [Api.Message], checkpoint: Checkpoint,
                    now: Date, media: [MediaEntry] = [], beforeEachMessage: (Int) throws -> Void) throws(ArchiveError) -> PageCommitResult {
        try commitPage(channel: channel, job: job, messages: messages.map(TLReceived.init(serializing:)),
                       checkpoint: checkpoint, now: now, media: media, beforeEachMessage: beforeEachMessage)
    }

    /// `commitPage`, calling `beforeEachMessage` with each message's index inside the transaction (tests
    /// throw from it to simulate a crash in the middle of a page).
    func commitPage(channel: ChannelInfo, job: String, messages: [TLReceived<Api.Message>], checkpoint: Checkpoint,
                    now: Date, media: [MediaEntry] = [], peers: PagePeers = PagePeers(),
                    beforeEachMessage: (Int) throws -> Void) throws(ArchiveError) -> PageCommitResult {
        var records: [MessageRecord] = []
        records.reserveCapacity(messages.count)
        for message in messages {
            records.append(try MessageRecord(channelId: channel.id, received: message, now: now, forum: channel.forum))
        }
        let stamp = DatabaseDateText(now)
        return try write { db in
            try Self.upsertChannel(channel, now: stamp, in: db)
            var result = PageCommitResult()
            var search = try SearchIndexBatch.forPage(in: db)
            var changes = ChangeLog(channel: channel.id)
            for (index, record) in records.enumerated() {
                try beforeEachMessage(index)
                result.count(try MessageUpsert.apply(record, now: stamp, search: &search, changes: &changes, in: db))
            }
            // The change log first: a statement reading `json_each` (a virtual table) opens a savepoint, at
            // which FTS5 writes out whatever the search index holds pending; written last, the index's terms
            // go out once, at commit.
            try changes.write(at: stamp, in: db)
            try search?.write(in: db)
            try Self.storePeers(peers, now: stamp, in: db)
            if let discussed = peers.discussionOf {
                try Self.linkDiscussion(messages, group: channel.id, discussing: discussed, in: db)
            }
            result.mediaQueued = try Self.queueMedia(media, in: db)
            try Self.saveCheckpoint(checkpoint, job: job, channel: channel.id, now: stamp, in: db)
            return result
        }
    }

    /// The checkpoint `job` last committed for `channel`, or nil if it never committed a page.
    public func checkpoint(job: String, channel: Int64) throws(ArchiveError) -> Checkpoint? {
        try read { db in
            try CheckpointRecord.fetchOne(db, key: ["job": job, "channel_id": channel])?.checkpoint
        }
    }

    private static func upsertChannel(_ channel: ChannelInfo, now: DatabaseDateText, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO channels (id, access_hash, username, title, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET access_hash = coalesce(excluded.access_hash, access_hash),
                username = excluded.username, title = excluded.title, last_seen = excluded.last_seen
            """)
        try statement.execute(arguments: [channel.id, channel.accessHash, channel.username, channel.title, now.text,
                                          now.text])
    }

    private static func saveCheckpoint(_ checkpoint: Checkpoint, job: String, channel: Int64, now: DatabaseDateText,
                                       in db: Database) throws {
        let reject = { (reason: String) in ArchiveError.checkpointRejected(job: job, channel: channel, reason: reason) }
        if let head = checkpoint.head {
            let newest = try Int32.fetchOne(
                db.cachedStatement(sql: "SELECT MAX(id) FROM messages WHERE channel_id = ?"), arguments: [channel])
            guard let newest, head <= newest else {
                throw reject("head \(head) is above the newest stored message (\(newest.map(String.init) ?? "none"))")
            }
            if let tail = checkpoint.tail, tail > head {
                throw reject("tail \(tail) is above head \(head)")
            }
        }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO checkpoints (job, channel_id, head, tail, window_start, window_start_reached, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (job, channel_id) DO UPDATE SET head = ?3, tail = ?4, window_start = ?5,
                window_start_reached = ?6, updated_at = ?7
            """)
        var row = RowBinder(upsert, in: db)
        row.bind(job)
        row.bind(channel)
        row.bind(checkpoint.head)
        row.bind(checkpoint.tail)
        row.bind(checkpoint.windowStart, stamp: now)
        row.bind(Int64(checkpoint.windowStartReached ? 1 : 0))
        row.bind(now.text)
        _ = try row.run()
    }
}
