import GRDB

/// Migration `v8-joins-topics` (issue #18): the private chats joined by invite link, the topics of forum
/// supergroups, and each message's topic.
enum JoinsTopicsSchema {
    static func create(_ db: Database) throws {
        // One row per invite link a job named: what came of it. Keyed by a digest of the link's hash, so the
        // archive never holds the secret that grants access to the chat.
        try db.create(table: "invite_links") { t in
            t.primaryKey("link_digest", .text)
            t.column("state", .text).notNull()
            t.column("channel_id", .integer)
            t.column("access_hash", .integer)
            t.column("title", .text)
            t.column("requested_at", .datetime)
            t.column("joined_at", .datetime)
            t.column("updated_at", .datetime).notNull()
        }
        try db.create(table: "forum_topics") { t in
            t.column("channel_id", .integer).notNull()
            t.column("topic_id", .integer).notNull()
            t.column("title", .text).notNull()
            t.column("date", .integer)
            t.column("closed", .boolean).notNull().defaults(to: false)
            t.column("hidden", .boolean).notNull().defaults(to: false)
            t.column("deleted", .boolean).notNull().defaults(to: false)
            t.column("updated_at", .datetime).notNull()
            t.primaryKey(["channel_id", "topic_id"])
        }
        // Rows stored before this migration have no topic: they predate forum support, and a forum's were
        // never archived (no job could name one's topics before).
        try db.alter(table: "messages") { t in t.add(column: "topic_id", .integer) }
        try db.create(index: "messages_topic", on: "messages", columns: ["channel_id", "topic_id"])
    }
}
