import Foundation
import GRDB
import TL

extension ArchiveStore {
    /// Whether the archive still holds rows in the layout before `v6-lean` (see `LeanLayout`).
    public func leanConversionPending() throws(ArchiveError) -> Bool {
        try read { db in try db.tableExists("lean_conversion") }
    }

    /// Converts the archive to the lean layout in place: in batches of `batchSize` rows, each its own
    /// transaction (memory stays bounded, a kill loses at most a batch, the next call resumes where the last
    /// one committed), fills the new scalar columns from `raw`, indexes the text for search and empties the
    /// JSON columns, then drops them
    /// and gives the space back (`VACUUM`). Refuses to start unless the disk has `freeBytes` of at least the
    /// archive's size (dropping columns and `VACUUM` rewrite the tables beside the old pages).
    /// `progress` is called after each batch; `shouldStop` is asked between batches.
    public func convertToLean(batchSize: Int = 2_000, freeBytes: Int64? = nil,
                              progress: (LeanConversionProgress) -> Void = { _ in },
                              shouldStop: () -> Bool = { false }) throws(ArchiveError) -> LeanConversionOutcome {
        guard try leanConversionPending() else { return .alreadyLean }
        let before = fileBytes()
        let free = freeBytes ?? Self.freeDiskBytes(at: path)
        if let free, free < before {
            throw .openFailed(path: path, reason: "converting to the lean layout needs \(before) bytes free on its disk (the archive's size) and \(free) are; free some space first")
        }
        let total = try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages") ?? 0 }
        while true {
            if shouldStop() {
                let done = try read { db in try Self.convertedCount(in: db) }
                return .stopped(LeanConversionProgress(converted: done, total: total))
            }
            let finished = try write { db in try Self.convertBatch(size: max(batchSize, 1), in: db) }
            let done = try read { db in try Self.convertedCount(in: db) }
            progress(LeanConversionProgress(converted: finished ? total : done, total: total))
            if finished { break }
        }
        try write { db in
            try LeanLayout.dropOldColumns(db)
            try LeanLayout.dropSearchTriggers(db)
            try db.drop(table: "lean_conversion")
            try LeanLayout.createSearchTriggers(db, indexedWhen: nil)
            try LeanWrites.dropWriteTriggers(db)  // since v12 the page commit indexes new rows and changed text
        }
        try access {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")  // the file shrinks once the WAL is copied back
            }
        }
        return .converted(bytesBefore: before, bytesAfter: fileBytes())
    }

    /// Message rows up to the conversion's position.
    private static func convertedCount(in db: Database) throws -> Int {
        let next = try Int64.fetchOne(db, sql: "SELECT next_rowid FROM lean_conversion") ?? Int64.max
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE rowid < ?", arguments: [next]) ?? 0
    }

    /// Converts the next batch of message rows, then of version rows; true once both are done.
    private static func convertBatch(size: Int, in db: Database) throws -> Bool {
        guard let position = try Row.fetchOne(db, sql: "SELECT next_rowid, next_version FROM lean_conversion") else { return true }
        let nextRow: Int64 = position[0]
        let nextVersion: Int64 = position[1]
        let rows = try Row.fetchAll(db, sql: """
            SELECT rowid, channel_id, raw, archived_at FROM messages WHERE rowid >= ? ORDER BY rowid LIMIT ?
            """, arguments: [nextRow, size])
        if let last = rows.last {
            let update = try db.cachedStatement(sql: """
                UPDATE messages SET sender_id = ?, media_size = ?, media_mime = ?, entities = NULL, fwd_from = NULL,
                    media = NULL, action = NULL, reactions = NULL WHERE rowid = ?
                """)
            for row in rows {
                let raw: Data = row["raw"]
                var arguments: StatementArguments = [nil, nil, nil, row["rowid"]]
                if let message = try? Api.Message(bytes: [UInt8](raw)),
                   let record = try? MessageRecord(channelId: row["channel_id"], received: TLReceived(value: message, bytes: [UInt8](raw)),
                                                   now: row["archived_at"]) {
                    arguments = [record.senderId, record.mediaSize, record.mediaMime, row["rowid"]]
                }
                try update.execute(arguments: arguments)
            }
            let rowid: Int64 = last["rowid"]
            try db.execute(sql: """
                INSERT INTO messages_fts (rowid, text) SELECT rowid, text FROM messages
                WHERE rowid BETWEEN ? AND ? AND rowid < (SELECT fts_from FROM lean_conversion)
                """, arguments: [nextRow, rowid])
            try db.execute(sql: "UPDATE lean_conversion SET next_rowid = ?", arguments: [rowid + 1])
            return false
        }
        let versions = try Int64.fetchAll(db, sql: "SELECT id FROM message_versions WHERE id >= ? ORDER BY id LIMIT ?",
                                          arguments: [nextVersion, size])
        guard let last = versions.last else { return true }
        try db.execute(sql: "UPDATE message_versions SET entities = NULL, media = NULL WHERE id BETWEEN ? AND ?",
                       arguments: [nextVersion, last])
        try db.execute(sql: "UPDATE lean_conversion SET next_version = ?", arguments: [last + 1])
        return false
    }

    /// The archive file's size in bytes (0 if it cannot be read).
    private func fileBytes() -> Int64 {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        return size ?? 0
    }

    /// Free bytes on the disk holding `path`, if the system says.
    private static func freeDiskBytes(at path: String) -> Int64? {
        let folder = (path as NSString).deletingLastPathComponent
        let attributes = try? FileManager.default.attributesOfFileSystem(forPath: folder.isEmpty ? "." : folder)
        return (attributes?[.systemFreeSize] as? NSNumber)?.int64Value
    }
}
