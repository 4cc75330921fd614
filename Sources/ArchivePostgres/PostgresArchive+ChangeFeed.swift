import Archive
import Foundation
import PostgresNIO

/// The change feed, sink cursors and watch state on PostgreSQL.
extension PostgresArchive: ChangeFeedStorage {
    public func changes(after seq: Int64, limit: Int) throws(ArchiveError) -> [ArchiveChange] {
        try transaction { session in
            let rows = try session.query("""
                SELECT c.seq, c.channel_id, c.message_id, c.kind, c.at, (to_jsonb(m) - 'search')::text
                FROM changes c LEFT JOIN messages m
                    ON c.kind != 'deleted' AND m.channel_id = c.channel_id AND m.id = c.message_id
                WHERE c.seq > \(seq) ORDER BY c.seq LIMIT \(Int64(max(limit, 0)))
                """)
            return try rows.map { row in
                let (seq, channel, message, kindText, at, json) = try row.decode((Int64, Int64, Int32, String, Date, String?).self)
                guard let kind = ChangeKind(rawValue: kindText) else {
                    throw ArchiveError.database(path: location.description, reason: "change \(seq) has an unknown kind")
                }
                let record = try json.map { try RowJSON.decode(MessageRecord.self, from: $0) }
                return ArchiveChange(seq: seq, channelId: channel, messageId: message, kind: kind, at: at, message: record)
            }
        }
    }

    public func sinkCursor(_ name: String) throws(ArchiveError) -> Int64 {
        try transaction { session in
            try session.scalar("SELECT seq FROM sink_cursors WHERE sink = \(name)", as: Int64.self) ?? 0
        }
    }

    public func advanceSinkCursor(_ name: String, to seq: Int64, now: Date) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                INSERT INTO sink_cursors (sink, seq, updated_at) VALUES (\(name), \(seq), \(now))
                ON CONFLICT (sink) DO UPDATE SET seq = greatest(sink_cursors.seq, excluded.seq),
                    updated_at = excluded.updated_at
                """)
        }
    }

    public func watchPts(channel: Int64) throws(ArchiveError) -> Int32? {
        try transaction { session in
            try session.scalar("SELECT pts FROM watch_state WHERE channel_id = \(channel)", as: Int32.self)
        }
    }

    public func saveWatchPts(_ pts: Int32, channel: Int64, now: Date) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                INSERT INTO watch_state (channel_id, pts, updated_at) VALUES (\(channel), \(pts), \(now))
                ON CONFLICT (channel_id) DO UPDATE SET pts = excluded.pts, updated_at = excluded.updated_at
                """)
        }
    }
}
