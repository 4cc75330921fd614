import GRDB

/// The media ledger's tables (migration `v5-media`): new tables only, beside the messages.
enum MediaSchema {
    /// `media`: one row per (channel, message, file) — an edit that brings a new file adds a row, a
    /// deletion keeps the rows — with the file's facts, how to fetch it and where its download stands.
    /// `media_days`: media bytes downloaded per local day, for the warm-up's daily byte budget.
    static func create(_ db: Database) throws {
        try db.create(table: "media") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("channel_id", .integer).notNull()
            t.column("message_id", .integer).notNull()
            t.column("file_id", .integer).notNull()
            t.uniqueKey(["channel_id", "message_id", "file_id"])
            t.column("kind", .text).notNull()
            t.column("dc", .integer).notNull()
            t.column("size", .integer).notNull()
            t.column("mime_type", .text)
            t.column("file_name", .text)
            t.column("width", .integer)
            t.column("height", .integer)
            t.column("duration", .double)
            t.column("location", .blob).notNull()
            t.column("status", .text).notNull()
                .check { ["pending", "partial", "done", "skipped", "failed"].contains($0) }
            t.column("bytes_done", .integer).notNull().defaults(to: 0)
            t.column("sha256", .text)
            t.column("path", .text)
            t.column("skip_reason", .text)
            t.column("error", .text)
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("queued_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
        }
        try db.create(index: "media_by_status", on: "media", columns: ["channel_id", "status"])
        try db.create(index: "media_by_file", on: "media", columns: ["file_id", "status"])
        try db.create(table: "media_days") { t in
            t.primaryKey("day", .text)
            t.column("bytes", .integer).notNull()
        }
    }
}
