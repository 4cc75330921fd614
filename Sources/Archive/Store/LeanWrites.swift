import GRDB

/// Migration `v12-lean-writes` (issue #17): cheaper writes and a smaller index, measured on a 20,000-message
/// backfill of `@sandbox_big` (`bench/results/lean.md`, session 8).
///
/// - The search index is kept by the page commit (`SearchIndexBatch`) instead of the insert and update
///   triggers of `LeanLayout`; the delete trigger stays. While a lean conversion is pending its conditional
///   triggers stay as they are, and the conversion's end leaves only the delete trigger.
/// - `messages_topic` indexes only the messages of forum topics: it held an entry for every message, 15 bytes
///   each, though only forum messages have a topic (a query for `topic_id = ?` still uses it).
enum LeanWrites {
    static func migrate(_ db: Database) throws {
        if try !db.tableExists("lean_conversion") { try dropWriteTriggers(db) }
        try db.execute(sql: """
            DROP INDEX messages_topic;
            CREATE INDEX messages_topic ON messages (channel_id, topic_id) WHERE topic_id IS NOT NULL;
            """)
    }

    /// Drops the triggers that indexed new rows and changed text.
    static func dropWriteTriggers(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER IF EXISTS messages_fts_insert; DROP TRIGGER IF EXISTS messages_fts_update")
    }
}
