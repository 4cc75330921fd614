import GRDB

/// Migration `v13-change-log-check` (issue #17): `changes.kind` is checked by comparisons instead of an `IN`
/// list.
///
/// SQLite codes a `CHECK (kind IN ('new', 'edited', 'deleted'))` of three or more values with an ephemeral
/// table opened, filled and closed again for every row inserted: about 4% of a backfill's client CPU (perf,
/// 20,000 messages, `bench/results/lean.md`, session 9), for one change-log row per message. The constraint cannot
/// be altered in place, so the table is rebuilt (SQLite's procedure for other schema changes,
/// https://www.sqlite.org/lang_altertable.html#otheralter) in the migration's transaction: its rows are copied
/// with their sequence numbers, and AUTOINCREMENT's high-water mark is kept, so sinks' cursors stay valid.
/// The copy needs about 50 bytes per change-log row; a full disk fails the migration and leaves the archive
/// as it was.
enum ChangeLogConstraint {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE changes_v13 (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                channel_id INTEGER NOT NULL,
                message_id INTEGER NOT NULL,
                kind TEXT NOT NULL CHECK (kind = 'new' OR kind = 'edited' OR kind = 'deleted'),
                at DATETIME NOT NULL
            );
            INSERT INTO changes_v13 (seq, channel_id, message_id, kind, at)
                SELECT seq, channel_id, message_id, kind, at FROM changes ORDER BY seq;
            DELETE FROM sqlite_sequence WHERE name = 'changes_v13';
            INSERT INTO sqlite_sequence (name, seq) SELECT 'changes_v13', seq FROM sqlite_sequence WHERE name = 'changes';
            DROP TABLE changes;
            ALTER TABLE changes_v13 RENAME TO changes;
            """)
    }
}
