import Archive
import Foundation
import PostgresNIO

/// The media ledger on PostgreSQL (rows queued by `commitPage` in the page's transaction).
extension PostgresArchive: MediaLedgerStorage {
    public func nextMedia(channel: Int64) throws(ArchiveError) -> MediaEntry? {
        try transaction { session in
            try session.record("""
                SELECT to_jsonb(m)::text FROM media m WHERE channel_id = \(channel) AND status IN ('pending', 'partial')
                ORDER BY attempts, id LIMIT 1
                """, as: MediaEntry.self)
        }
    }

    public func doneMedia(fileID: Int64) throws(ArchiveError) -> MediaEntry? {
        try transaction { session in
            try session.record("SELECT to_jsonb(m)::text FROM media m WHERE file_id = \(fileID) AND status = 'done' LIMIT 1",
                               as: MediaEntry.self)
        }
    }

    public func recordMediaProgress(id: Int64, bytes: Int64, now: Date) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                UPDATE media SET status = 'partial', bytes_done = \(bytes), updated_at = \(now)
                WHERE id = \(id) AND status IN ('pending', 'partial')
                """)
        }
    }

    @discardableResult
    public func completeMedia(fileID: Int64, sha256: String, path: String, newBytes: Int64, day: String,
                              now: Date) throws(ArchiveError) -> Int {
        try transaction { session in
            let completed = try session.execute("""
                UPDATE media SET status = 'done', sha256 = \(sha256), path = \(path), bytes_done = size, error = NULL,
                    updated_at = \(now)
                WHERE file_id = \(fileID) AND status IN ('pending', 'partial', 'failed')
                """)
            try Self.countMediaBytes(newBytes, day: day, in: session)
            return completed
        }
    }

    public func countMediaBytes(_ bytes: Int64, day: String) throws(ArchiveError) {
        try transaction { session in try Self.countMediaBytes(bytes, day: day, in: session) }
    }

    public func mediaBytes(day: String) throws(ArchiveError) -> (bytes: Int64, firstDay: String?) {
        try transaction { session in
            let bytes = try session.scalar("SELECT bytes FROM media_days WHERE day = \(day)", as: Int64.self) ?? 0
            return (bytes, try session.scalar("SELECT min(day) FROM media_days", as: String.self))
        }
    }

    public func failMedia(id: Int64, error: String, maxAttempts: Int, now: Date) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                UPDATE media SET attempts = attempts + 1, error = \(error), updated_at = \(now),
                    status = CASE WHEN attempts + 1 >= \(Int32(clamping: maxAttempts)) THEN 'failed' ELSE status END
                WHERE id = \(id)
                """)
        }
    }

    public func requeueMedia(id: Int64, reason: String, now: Date) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                UPDATE media SET status = 'pending', bytes_done = 0, sha256 = NULL, path = NULL, attempts = 0,
                    error = \(reason), updated_at = \(now) WHERE id = \(id)
                """)
        }
    }

    public func mediaEntries(status: MediaStatus) throws(ArchiveError) -> [MediaEntry] {
        try transaction { session in
            try session.records("SELECT to_jsonb(m)::text FROM media m WHERE status = \(status.rawValue) ORDER BY id",
                                as: MediaEntry.self)
        }
    }

    private static func countMediaBytes(_ bytes: Int64, day: String, in session: Session) throws {
        guard bytes > 0 else { return }
        try session.execute("""
            INSERT INTO media_days (day, bytes) VALUES (\(day), \(bytes))
            ON CONFLICT (day) DO UPDATE SET bytes = media_days.bytes + excluded.bytes
            """)
    }
}
