import Archive
import Foundation
import PostgresNIO

/// Runners and leases on PostgreSQL. Expiry is judged by the database's clock (`now()`, the transaction's
/// start), never the runners': the `now` arguments are ignored. Leases are taken with `SELECT … FOR UPDATE
/// SKIP LOCKED` and updated in the same transaction, so two runners asking at once never take one account
/// twice, and neither waits for the other's rows.
extension PostgresArchive: LeaseStorage {
    public func registerRunner(name: String, host: String, pid: Int32, now: Date) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                INSERT INTO runners (name, host, pid, started_at, heartbeat_at) VALUES (\(name), \(host), \(pid), now(), now())
                ON CONFLICT (name) DO UPDATE SET host = excluded.host, pid = excluded.pid,
                    started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at
                """)
        }
    }

    public func heartbeatRunner(name: String, host: String, pid: Int32, now: Date) throws(ArchiveError) {
        try transaction { session in
            try session.execute("""
                INSERT INTO runners (name, host, pid, started_at, heartbeat_at) VALUES (\(name), \(host), \(pid), now(), now())
                ON CONFLICT (name) DO UPDATE SET host = excluded.host, pid = excluded.pid, heartbeat_at = excluded.heartbeat_at
                """)
        }
    }

    public func removeRunner(name: String) throws(ArchiveError) {
        try transaction { session in try session.execute("DELETE FROM runners WHERE name = \(name)") }
    }

    public func runners(now: Date) throws(ArchiveError) -> [RunnerRecord] {
        try transaction { session in
            try session.query("""
                SELECT name, host, pid, started_at, heartbeat_at, extract(epoch FROM now() - heartbeat_at)::float8
                FROM runners ORDER BY name
                """).map { row in
                let (name, host, pid, started, heartbeat, age) = try row.decode((String, String, Int32, Date, Date, Double).self)
                return RunnerRecord(name: name, host: host, pid: pid, startedAt: started, heartbeatAt: heartbeat, heartbeatAge: age)
            }
        }
    }

    public func acquireLeases(runner: String, accounts: [String], limit: Int, ttl: Double, now: Date) throws(ArchiveError) -> [String] {
        guard limit > 0, !accounts.isEmpty else { return [] }
        // The rows first, in a transaction of their own: inserting them under the lock below would make two
        // runners wait on each other's new rows instead of skipping them.
        try transaction { session in
            try session.execute("""
                INSERT INTO account_leases (account) SELECT unnest(\(accounts.sorted())::text[]) ORDER BY 1
                ON CONFLICT (account) DO NOTHING
                """)
        }
        return try transaction { session in
            let free = try session.query("""
                SELECT account FROM account_leases
                WHERE account = ANY(\(accounts)::text[]) AND (runner IS NULL OR expires_at <= now())
                ORDER BY account LIMIT \(Int64(limit)) FOR UPDATE SKIP LOCKED
                """).map { try $0.decode(String.self) }
            guard !free.isEmpty else { return [] }
            try session.execute("""
                UPDATE account_leases SET runner = \(runner), acquired_at = now(), renewed_at = now(),
                    expires_at = now() + make_interval(secs => \(ttl))
                WHERE account = ANY(\(free)::text[])
                """)
            return free
        }
    }

    public func renewLeases(runner: String, accounts: [String], ttl: Double, now: Date) throws(ArchiveError) -> [String] {
        guard !accounts.isEmpty else { return [] }
        return try transaction { session in
            try session.query("""
                UPDATE account_leases SET renewed_at = now(), expires_at = now() + make_interval(secs => \(ttl))
                WHERE runner = \(runner) AND account = ANY(\(accounts)::text[]) RETURNING account
                """).map { try $0.decode(String.self) }.sorted()
        }
    }

    public func releaseLeases(runner: String, accounts: [String]) throws(ArchiveError) {
        guard !accounts.isEmpty else { return }
        try transaction { session in
            try session.execute("""
                UPDATE account_leases SET runner = NULL, acquired_at = NULL, renewed_at = NULL, expires_at = NULL
                WHERE runner = \(runner) AND account = ANY(\(accounts)::text[])
                """)
        }
    }

    public func leases(now: Date) throws(ArchiveError) -> [LeaseRecord] {
        try transaction { session in
            try session.query("""
                SELECT account, runner, acquired_at, renewed_at, expires_at, extract(epoch FROM expires_at - now())::float8
                FROM account_leases WHERE runner IS NOT NULL ORDER BY account
                """).map { row in
                let (account, runner, acquired, renewed, expires, left) = try row.decode((String, String, Date, Date, Date, Double).self)
                return LeaseRecord(account: account, runner: runner, acquiredAt: acquired, renewedAt: renewed,
                                   expiresAt: expires, expiresIn: left)
            }
        }
    }
}
