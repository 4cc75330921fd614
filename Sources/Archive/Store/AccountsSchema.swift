import GRDB

/// Migration `v10-accounts` (issue #19): the governor's state per account. `governor_state` held one row
/// (`id = 1`); it is rebuilt keyed by the account's name, the old row becoming the default account's.
enum AccountsSchema {
    static func migrate(_ db: Database) throws {
        try db.create(table: "governor_state_by_account") { t in
            t.primaryKey("account", .text)
            t.column("version", .integer).notNull()
            t.column("state", .blob).notNull()
            t.column("updated_at", .datetime).notNull()
        }
        try db.execute(sql: """
            INSERT INTO governor_state_by_account (account, version, state, updated_at)
            SELECT 'default', version, state, updated_at FROM governor_state;
            DROP TABLE governor_state;
            ALTER TABLE governor_state_by_account RENAME TO governor_state;
            """)
    }
}
