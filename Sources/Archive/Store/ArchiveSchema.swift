import GRDB

/// The archive's schema as numbered migrations; a database records which ones it has applied.
///
/// Never edit a shipped migration: add the next one.
enum ArchiveSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createTables)
        migrator.registerMigration("v2-changes", migrate: createChangeLog)
        migrator.registerMigration("v3-watch", migrate: createWatchState)
        migrator.registerMigration("v4-retired-keys", migrate: createRetiredAuthKeys)
        migrator.registerMigration("v5-media", migrate: MediaSchema.create)
        migrator.registerMigration("v6-lean", migrate: LeanLayout.migrate)
        migrator.registerMigration("v7-senders-comments", migrate: SendersSchema.migrate)
        migrator.registerMigration("v8-joins-topics", migrate: JoinsTopicsSchema.create)
        migrator.registerMigration("v9-lean-text", migrate: SearchPrefixIndex.migrate)
        migrator.registerMigration("v10-accounts", migrate: AccountsSchema.migrate)
        migrator.registerMigration("v11-runners", migrate: RunnersSchema.create)
        migrator.registerMigration("v12-lean-writes", migrate: LeanWrites.migrate)
        migrator.registerMigration("v13-change-log-check", migrate: ChangeLogConstraint.migrate)
        migrator.registerMigration("v14-search-without-prefix", migrate: SearchWithoutPrefix.migrate)
        return migrator
    }

    private static func createTables(_ db: Database) throws {
        try db.create(table: "channels") { t in
            t.primaryKey("id", .integer)
            t.column("access_hash", .integer)
            t.column("username", .text)
            t.column("title", .text).notNull()
            t.column("first_seen", .datetime).notNull()
            t.column("last_seen", .datetime).notNull()
        }
        try db.create(table: "messages") { t in
            t.column("channel_id", .integer).notNull().references("channels", onDelete: .restrict)
            t.column("id", .integer).notNull()
            t.primaryKey(["channel_id", "id"])
            t.column("kind", .text).notNull()
            t.column("date", .integer)
            t.column("edit_date", .integer)
            t.column("text", .text)
            t.column("entities", .text)
            t.column("views", .integer)
            t.column("forwards", .integer)
            t.column("replies", .integer)
            t.column("reply_to", .integer)
            t.column("fwd_from", .text)
            t.column("grouped_id", .integer)
            t.column("post_author", .text)
            t.column("media_kind", .text)
            t.column("media", .text)
            t.column("media_digest", .integer)
            t.column("action_kind", .text)
            t.column("action", .text)
            t.column("reactions", .text)
            t.column("raw", .blob).notNull()
            t.column("layer", .integer).notNull()
            t.column("archived_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
            t.column("deleted_at", .datetime)
        }
        try db.create(index: "messages_by_date", on: "messages", columns: ["channel_id", "date"])
        try db.create(table: "message_versions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("channel_id", .integer).notNull()
            t.column("message_id", .integer).notNull()
            t.foreignKey(["channel_id", "message_id"], references: "messages", columns: ["channel_id", "id"],
                         onDelete: .restrict)
            t.column("replaced_at", .datetime).notNull()
            t.column("edit_date", .integer)
            t.column("text", .text)
            t.column("entities", .text)
            t.column("media_kind", .text)
            t.column("media", .text)
            t.column("raw", .blob).notNull()
            t.column("layer", .integer).notNull()
        }
        try db.create(index: "message_versions_by_message", on: "message_versions",
                      columns: ["channel_id", "message_id"])
        try db.create(table: "checkpoints") { t in
            t.column("job", .text).notNull()
            t.column("channel_id", .integer).notNull().references("channels", onDelete: .restrict)
            t.primaryKey(["job", "channel_id"])
            t.column("head", .integer)
            t.column("tail", .integer)
            t.column("window_start", .datetime)
            t.column("window_start_reached", .boolean).notNull().defaults(to: false)
            t.column("updated_at", .datetime).notNull()
        }
        try db.create(table: "runs") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("job", .text).notNull()
            t.column("channel_id", .integer)
            t.column("started_at", .datetime).notNull()
            t.column("ended_at", .datetime)
            t.column("status", .text).notNull()
            t.column("messages_new", .integer).notNull().defaults(to: 0)
            t.column("messages_updated", .integer).notNull().defaults(to: 0)
            t.column("requests", .integer).notNull().defaults(to: 0)
            t.column("flood_waits", .integer).notNull().defaults(to: 0)
            t.column("deferral_reason", .text)
            t.column("error", .text)
        }
        try db.create(index: "runs_by_job", on: "runs", columns: ["job", "channel_id", "started_at"])
        try db.create(table: "audit_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("time", .datetime).notNull().indexed()
            t.column("method", .text).notNull()
            t.column("peer", .text)
            t.column("count", .integer)
            t.column("duration_ms", .integer).notNull()
            t.column("error", .text)
        }
        try db.create(table: "sessions") { t in
            t.primaryKey("name", .text)
            t.column("home_dc", .integer).notNull()
            t.column("user_id", .integer)
            t.column("dc_options", .blob)
            t.column("takeout_id", .integer)
            t.column("updated_at", .datetime).notNull()
        }
        try db.create(table: "auth_keys") { t in
            t.column("session", .text).notNull().references("sessions", onDelete: .cascade)
            t.column("dc_id", .integer).notNull()
            t.primaryKey(["session", "dc_id"])
            t.column("auth_key", .blob).notNull()
            t.column("salts", .blob)
            t.column("updated_at", .datetime).notNull()
        }
        try db.create(table: "peers") { t in
            t.primaryKey("username", .text).collate(.nocase)
            t.column("peer_id", .integer).notNull()
            t.column("access_hash", .integer)
            t.column("title", .text)
            t.column("resolved_at", .datetime).notNull()
        }
        try db.create(table: "governor_state") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("version", .integer).notNull()
            t.column("state", .blob).notNull()
            t.column("updated_at", .datetime).notNull()
        }
    }

    /// The change log downstream sinks read in order, and how far each sink has read it.
    private static func createChangeLog(_ db: Database) throws {
        try db.create(table: "changes") { t in
            t.autoIncrementedPrimaryKey("seq")
            t.column("channel_id", .integer).notNull()
            t.column("message_id", .integer).notNull()
            t.column("kind", .text).notNull().check { ["new", "edited", "deleted"].contains($0) }
            t.column("at", .datetime).notNull()
        }
        try db.create(table: "sink_cursors") { t in
            t.primaryKey("sink", .text)
            t.column("seq", .integer).notNull()
            t.column("updated_at", .datetime).notNull()
        }
    }

    /// Where watch mode left each channel's update stream (`updates.getChannelDifference`).
    private static func createWatchState(_ db: Database) throws {
        try db.create(table: "watch_state") { t in
            t.primaryKey("channel_id", .integer)
            t.column("pts", .integer).notNull()
            t.column("updated_at", .datetime).notNull()
        }
    }

    /// Auth keys the server rejected on repeated connections, kept (not deleted) so a mistaken judgement
    /// can be undone by hand (no foreign key, so they outlive their session); and why a session needs a
    /// new login (a retired key, a banned account, a revoked session) until one succeeds.
    private static func createRetiredAuthKeys(_ db: Database) throws {
        try db.alter(table: "sessions") { t in
            t.add(column: "login_needed", .text)
            t.add(column: "login_needed_at", .datetime)
        }
        try db.create(table: "retired_auth_keys") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("session", .text).notNull()
            t.column("dc_id", .integer).notNull()
            t.column("auth_key", .blob).notNull()
            t.column("salts", .blob)
            t.column("retired_at", .datetime).notNull()
        }
    }
}
