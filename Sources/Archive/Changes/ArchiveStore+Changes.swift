import Foundation
import GRDB

extension ArchiveStore {
    /// Up to `limit` change-log entries after `seq`, oldest first, with the current message row for new and
    /// edited messages. A sink passes its cursor and advances it once it has handed the entries on.
    public func changes(after seq: Int64, limit: Int) throws(ArchiveError) -> [ArchiveChange] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.seq, c.channel_id, c.message_id, c.kind, c.at, m.*
                FROM changes c LEFT JOIN messages m ON c.kind != 'deleted' AND m.channel_id = c.channel_id AND m.id = c.message_id
                WHERE c.seq > ? ORDER BY c.seq LIMIT ?
                """, arguments: [seq, max(limit, 0)], adapter: ScopeAdapter(["message": SuffixRowAdapter(fromIndex: 5)]))
            return try rows.map { row in
                let seq: Int64 = row[0]
                guard let kind = ChangeKind(rawValue: row[3]) else {
                    throw ArchiveError.database(path: path, reason: "change \(seq) has an unknown kind")
                }
                var message: MessageRecord?
                if let messageRow = row.scopes["message"], !messageRow.hasNull(atIndex: 1) {
                    message = try MessageRecord(row: messageRow)
                }
                return ArchiveChange(seq: seq, channelId: row[1], messageId: row[2], kind: kind, at: row[4],
                                     message: message)
            }
        }
    }

    /// The last change-log `seq` sink `name` has handled (0 if it never advanced).
    public func sinkCursor(_ name: String) throws(ArchiveError) -> Int64 {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT seq FROM sink_cursors WHERE sink = ?", arguments: [name]) ?? 0
        }
    }

    /// Records that sink `name` has handled every change up to `seq`. The cursor never moves back: an older
    /// `seq` (a late acknowledgement) leaves it where it is.
    public func advanceSinkCursor(_ name: String, to seq: Int64, now: Date = Date()) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO sink_cursors (sink, seq, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (sink) DO UPDATE SET seq = max(seq, excluded.seq), updated_at = excluded.updated_at
                """, arguments: [name, seq, now])
        }
    }

    /// The newest change-log `seq` (0 if the log is empty), to report how far behind a sink is.
    func latestChangeSeq() throws(ArchiveError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM changes") ?? 0 }
    }
}
