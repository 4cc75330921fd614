import Foundation
import GRDB

/// Runners and leases in the embedded archive: every call is one IMMEDIATE transaction, so runners on one
/// machine sharing the file take turns; expiry is judged by the `now` they pass.
extension ArchiveStore: LeaseStorage {
    public func registerRunner(name: String, host: String, pid: Int32, now: Date) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO runners (name, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET host = excluded.host, pid = excluded.pid,
                    started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at
                """, arguments: [name, host, pid, now, now])
        }
    }

    public func heartbeatRunner(name: String, host: String, pid: Int32, now: Date) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO runners (name, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET host = excluded.host, pid = excluded.pid, heartbeat_at = excluded.heartbeat_at
                """, arguments: [name, host, pid, now, now])
        }
    }

    public func removeRunner(name: String) throws(ArchiveError) {
        try write { db in try db.execute(sql: "DELETE FROM runners WHERE name = ?", arguments: [name]) }
    }

    public func runners(now: Date) throws(ArchiveError) -> [RunnerRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, host, pid, started_at, heartbeat_at FROM runners ORDER BY name").map { row in
                let heartbeat: Date = row["heartbeat_at"]
                return RunnerRecord(name: row["name"], host: row["host"], pid: row["pid"], startedAt: row["started_at"],
                                    heartbeatAt: heartbeat, heartbeatAge: now.timeIntervalSince(heartbeat))
            }
        }
    }

    public func acquireLeases(runner: String, accounts: [String], limit: Int, ttl: Double, now: Date) throws(ArchiveError) -> [String] {
        guard limit > 0, !accounts.isEmpty else { return [] }
        return try write { db in
            for account in accounts {
                try db.execute(sql: "INSERT INTO account_leases (account) VALUES (?) ON CONFLICT (account) DO NOTHING",
                               arguments: [account])
            }
            let free = try String.fetchAll(db, sql: """
                SELECT account FROM account_leases
                WHERE account IN (\(databaseQuestionMarks(count: accounts.count))) AND (runner IS NULL OR expires_at <= ?)
                ORDER BY account LIMIT ?
                """, arguments: StatementArguments(accounts) + [now, limit])
            for account in free {
                try db.execute(sql: """
                    UPDATE account_leases SET runner = ?, acquired_at = ?, renewed_at = ?, expires_at = ? WHERE account = ?
                    """, arguments: [runner, now, now, now.addingTimeInterval(ttl), account])
            }
            return free
        }
    }

    public func renewLeases(runner: String, accounts: [String], ttl: Double, now: Date) throws(ArchiveError) -> [String] {
        guard !accounts.isEmpty else { return [] }
        return try write { db in
            let held = try String.fetchAll(db, sql: """
                SELECT account FROM account_leases
                WHERE runner = ? AND account IN (\(databaseQuestionMarks(count: accounts.count))) ORDER BY account
                """, arguments: [runner] + StatementArguments(accounts))
            for account in held {
                try db.execute(sql: "UPDATE account_leases SET renewed_at = ?, expires_at = ? WHERE account = ?",
                               arguments: [now, now.addingTimeInterval(ttl), account])
            }
            return held
        }
    }

    public func releaseLeases(runner: String, accounts: [String]) throws(ArchiveError) {
        guard !accounts.isEmpty else { return }
        try write { db in
            try db.execute(sql: """
                UPDATE account_leases SET runner = NULL, acquired_at = NULL, renewed_at = NULL, expires_at = NULL
                WHERE runner = ? AND account IN (\(databaseQuestionMarks(count: accounts.count)))
                """, arguments: [runner] + StatementArguments(accounts))
        }
    }

    public func leases(now: Date) throws(ArchiveError) -> [LeaseRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT account, runner, acquired_at, renewed_at, expires_at FROM account_leases
                WHERE runner IS NOT NULL ORDER BY account
                """).map { row in
                let expires: Date = row["expires_at"]
                return LeaseRecord(account: row["account"], runner: row["runner"], acquiredAt: row["acquired_at"],
                                   renewedAt: row["renewed_at"], expiresAt: expires, expiresIn: expires.timeIntervalSince(now))
            }
        }
    }
}
