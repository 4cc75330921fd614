import Foundation
import GRDB

extension ArchiveStore {
    /// Queues `entries` (a page's files) in the ledger inside the page's transaction: a file already
    /// recorded for that message is left as it is, so re-reading a page never queues twice; an edit that
    /// brings another file adds its row beside the old one.
    static func queueMedia(_ entries: [MediaEntry], in db: Database) throws -> Int {
        guard !entries.isEmpty else { return 0 }
        var queued = 0
        for entry in entries {
            try entry.insert(db, onConflict: .ignore)
            if db.changesCount > 0 { queued += 1 }
        }
        return queued
    }

    /// The next file of `channel` to download (pending or partial, fewest attempts first, oldest first),
    /// or nil when none is left.
    public func nextMedia(channel: Int64) throws(ArchiveError) -> MediaEntry? {
        try read { db in
            try MediaEntry.fetchOne(db, sql: """
                SELECT * FROM media WHERE channel_id = ? AND status IN ('pending', 'partial')
                ORDER BY attempts, id LIMIT 1
                """, arguments: [channel])
        }
    }

    /// A `done` row of the same file (by photo or document id), whose stored copy another row can share.
    public func doneMedia(fileID: Int64) throws(ArchiveError) -> MediaEntry? {
        try read { db in
            try MediaEntry.fetchOne(db, sql: "SELECT * FROM media WHERE file_id = ? AND status = 'done' LIMIT 1",
                                    arguments: [fileID])
        }
    }

    /// Records that every byte of row `id` below `bytes` is stored and synced.
    public func recordMediaProgress(id: Int64, bytes: Int64, now: Date) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: """
                UPDATE media SET status = 'partial', bytes_done = ?, updated_at = ? WHERE id = ? AND status IN ('pending', 'partial')
                """, arguments: [bytes, now, id])
        }
    }

    /// Marks the file `fileID` done (verified, stored at `path` with `sha256`) in every row waiting for it,
    /// and counts `newBytes` downloaded into local day `day`. Returns the rows completed.
    @discardableResult
    public func completeMedia(fileID: Int64, sha256: String, path: String, newBytes: Int64, day: String,
                              now: Date) throws(ArchiveError) -> Int {
        try write { db in
            try db.execute(sql: """
                UPDATE media SET status = 'done', sha256 = ?, path = ?, bytes_done = size, error = NULL, updated_at = ?
                WHERE file_id = ? AND status IN ('pending', 'partial', 'failed')
                """, arguments: [sha256, path, now, fileID])
            let completed = db.changesCount
            try Self.countMediaBytes(newBytes, day: day, in: db)
            return completed
        }
    }

    /// Counts `bytes` downloaded into local day `day` (bytes of a download that later failed count too:
    /// they were fetched).
    public func countMediaBytes(_ bytes: Int64, day: String) throws(ArchiveError) {
        try write { db in try Self.countMediaBytes(bytes, day: day, in: db) }
    }

    private static func countMediaBytes(_ bytes: Int64, day: String, in db: Database) throws {
        guard bytes > 0 else { return }
        try db.execute(sql: """
            INSERT INTO media_days (day, bytes) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET bytes = bytes + excluded.bytes
            """, arguments: [day, bytes])
    }

    /// Media bytes downloaded on local day `day`, and the first day anything was downloaded.
    public func mediaBytes(day: String) throws(ArchiveError) -> (bytes: Int64, firstDay: String?) {
        try read { db in
            let bytes = try Int64.fetchOne(db, sql: "SELECT bytes FROM media_days WHERE day = ?", arguments: [day]) ?? 0
            let first = try String.fetchOne(db, sql: "SELECT MIN(day) FROM media_days")
            return (bytes, first)
        }
    }

    /// Records a failed attempt at row `id`: back to its state for a retry, or `failed` after `maxAttempts`.
    public func failMedia(id: Int64, error: String, maxAttempts: Int, now: Date) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: """
                UPDATE media SET attempts = attempts + 1, error = ?, updated_at = ?,
                    status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE status END
                WHERE id = ?
                """, arguments: [error, now, maxAttempts, id])
        }
    }

    /// Puts row `id` back in the queue from the start (its file is missing or corrupt, or it failed).
    public func requeueMedia(id: Int64, reason: String, now: Date) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: """
                UPDATE media SET status = 'pending', bytes_done = 0, sha256 = NULL, path = NULL, attempts = 0,
                    error = ?, updated_at = ? WHERE id = ?
                """, arguments: [reason, now, id])
        }
    }

    /// Ledger rows with `status` (every channel), in id order.
    public func mediaEntries(status: MediaStatus) throws(ArchiveError) -> [MediaEntry] {
        try read { db in
            guard try db.tableExists("media") else { return [] }
            return try MediaEntry.fetchAll(db, sql: "SELECT * FROM media WHERE status = ? ORDER BY id", arguments: [status])
        }
    }

    /// The newest `done` file of each message of `channel` that has one, by message id (for exports).
    public func downloadedMedia(channel: Int64) throws(ArchiveError) -> [Int32: MediaEntry] {
        try read { db in
            let rows = try MediaEntry.fetchAll(db, sql: """
                SELECT * FROM media WHERE channel_id = ? AND status = 'done' ORDER BY id
                """, arguments: [channel])
            return Dictionary(rows.map { ($0.messageId, $0) }, uniquingKeysWith: { _, newer in newer })
        }
    }

    /// The newest ledger row of each message of `channel` (any status), by message id (for exports).
    public func mediaLedger(channel: Int64) throws(ArchiveError) -> [Int32: MediaEntry] {
        try read { db in
            let rows = try MediaEntry.fetchAll(db, sql: "SELECT * FROM media WHERE channel_id = ? ORDER BY id",
                                               arguments: [channel])
            return Dictionary(rows.map { ($0.messageId, $0) }, uniquingKeysWith: { _, newer in newer })
        }
    }

    /// Counts and bytes per channel and status, for `media status` and metrics.
    public func mediaSummary() throws(ArchiveError) -> [MediaSummaryRow] {
        try read { db in
            // An archive read without migrating (read-only, written by an older tgcron) has no media ledger.
            guard try db.tableExists("media") else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT m.channel_id, c.username, m.status, COUNT(*) AS files, COALESCE(SUM(m.size), 0) AS bytes,
                    COALESCE(SUM(m.bytes_done), 0) AS stored
                FROM media m LEFT JOIN channels c ON c.id = m.channel_id
                GROUP BY m.channel_id, m.status ORDER BY m.channel_id, m.status
                """).map { row in
                MediaSummaryRow(channelID: row["channel_id"], username: row["username"],
                                status: MediaStatus(rawValue: row["status"]) ?? .pending,
                                files: row["files"], bytes: row["bytes"], bytesStored: row["stored"])
            }
        }
    }
}

/// Files of one channel in one ledger status.
public struct MediaSummaryRow: Sendable, Equatable, Codable {
    /// The channel.
    public var channelID: Int64
    /// Its username, if known.
    public var username: String?
    /// The status counted.
    public var status: MediaStatus
    /// Ledger rows.
    public var files: Int
    /// The files' sizes summed.
    public var bytes: Int64
    /// Bytes stored so far (whole files for `done`, committed offsets for `partial`).
    public var bytesStored: Int64

    /// A row of counts.
    public init(channelID: Int64, username: String?, status: MediaStatus, files: Int, bytes: Int64, bytesStored: Int64) {
        self.channelID = channelID
        self.username = username
        self.status = status
        self.files = files
        self.bytes = bytes
        self.bytesStored = bytesStored
    }
}
