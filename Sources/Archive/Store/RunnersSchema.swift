import GRDB

/// Migration `v11-runners` (issue #19): the runners sharing the archive and their leases on accounts.
enum RunnersSchema {
    static func create(_ db: Database) throws {
        // One row per runner name; a restart under the same name replaces its host, pid and start.
        try db.create(table: "runners") { t in
            t.primaryKey("name", .text)
            t.column("host", .text).notNull()
            t.column("pid", .integer).notNull()
            t.column("started_at", .datetime).notNull()
            t.column("heartbeat_at", .datetime).notNull()
        }
        // One row per account ever leased; `runner` and the times are NULL while the lease is free.
        try db.create(table: "account_leases") { t in
            t.primaryKey("account", .text)
            t.column("runner", .text)
            t.column("acquired_at", .datetime)
            t.column("renewed_at", .datetime)
            t.column("expires_at", .datetime)
        }
    }
}
