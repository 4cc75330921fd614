import GRDB

/// Migration `v7-senders-comments` (issue #18): who wrote what, and which post a comment is under.
///
/// - `users`: every user and chat the history answers listed (the `users`/`chats` vectors each page already
///   carries, so no extra request), keyed by the Bot API style id `messages.sender_id` holds.
/// - `messages.thread_id`: in a discussion group, the group message a message's thread starts at (the post's
///   copy); `messages.comment_of`: the channel post a copy or comment belongs to.
/// - `channels.discussion_id`: the channel's linked discussion group, once its comments were archived.
enum SendersSchema {
    static func migrate(_ db: Database) throws {
        try db.create(table: "users") { t in
            t.primaryKey("id", .integer)
            t.column("kind", .text).notNull().check { ["user", "channel", "chat"].contains($0) }
            t.column("username", .text)
            t.column("first_name", .text)
            t.column("last_name", .text)
            t.column("title", .text)
            t.column("bot", .boolean).notNull().defaults(to: false)
            t.column("last_seen", .datetime).notNull()
        }
        try db.alter(table: "messages") { t in
            t.add(column: "thread_id", .integer)
            t.add(column: "comment_of", .integer)
        }
        try db.execute(sql: """
            CREATE INDEX messages_by_thread ON messages (channel_id, thread_id) WHERE thread_id IS NOT NULL
            """)
        try db.alter(table: "channels") { t in
            t.add(column: "discussion_id", .integer)
        }
    }
}
