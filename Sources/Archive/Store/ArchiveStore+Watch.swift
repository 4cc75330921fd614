import Foundation
import GRDB

extension ArchiveStore {
    /// The update-stream position (pts) watch mode reached for `channel`, nil before it first watched it.
    public func watchPts(channel: Int64) throws(ArchiveError) -> Int32? {
        try read { db in try Int32.fetchOne(db, sql: "SELECT pts FROM watch_state WHERE channel_id = ?", arguments: [channel]) }
    }

    /// Records that watch mode has applied `channel`'s updates up to `pts`.
    public func saveWatchPts(_ pts: Int32, channel: Int64, now: Date) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO watch_state (channel_id, pts, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (channel_id) DO UPDATE SET pts = excluded.pts, updated_at = excluded.updated_at
                """, arguments: [channel, pts, now])
        }
    }
}

extension ArchiveStore {
    /// The highest message id archived for `channel` (deleted ones and tombstones included), nil if none.
    public func newestArchivedID(channel: Int64) throws(ArchiveError) -> Int32? {
        try read { db in try Int32.fetchOne(db, sql: "SELECT MAX(id) FROM messages WHERE channel_id = ?", arguments: [channel]) }
    }
}
