import Foundation

/// Runners and their leases on accounts (issue #19): several `tgcron daemon --runner NAME` processes share one
/// archive, and each account's jobs run only in the runner holding its lease, so no two runners ever use one
/// account at once.
///
/// A lease is a row with an owner and an expiry, renewed by heartbeat; a runner that dies stops renewing and
/// its leases become free when they expire. Every call is one transaction. `now` is the caller's clock: the
/// SQLite archive (one machine) judges expiry by it, the PostgreSQL archive by the database's own clock
/// (`now()`), so the runners' clocks never matter there.
public protocol LeaseStorage: AnyObject, Sendable {
    /// Records that runner `name` (process `pid` on `host`) started, or restarted under the same name.
    func registerRunner(name: String, host: String, pid: Int32, now: Date) throws(ArchiveError)
    /// Records that runner `name` is alive (registering it again if its row was removed).
    func heartbeatRunner(name: String, host: String, pid: Int32, now: Date) throws(ArchiveError)
    /// Forgets runner `name`, after it stopped and released its leases.
    func removeRunner(name: String) throws(ArchiveError)
    /// Every runner known, by name, with the seconds since its heartbeat.
    func runners(now: Date) throws(ArchiveError) -> [RunnerRecord]

    /// Takes up to `limit` of `accounts` whose lease is free or expired for runner `runner`, each for `ttl`
    /// seconds; returns the accounts taken (sorted). Leases held by others and not expired are never taken.
    func acquireLeases(runner: String, accounts: [String], limit: Int, ttl: Double, now: Date) throws(ArchiveError) -> [String]
    /// Extends `runner`'s leases on `accounts` by `ttl` seconds from now; returns those it still holds. A lease
    /// that expired and was taken by another runner is lost and not among them.
    func renewLeases(runner: String, accounts: [String], ttl: Double, now: Date) throws(ArchiveError) -> [String]
    /// Frees `runner`'s leases on `accounts` (those another runner holds are left alone).
    func releaseLeases(runner: String, accounts: [String]) throws(ArchiveError)
    /// Every lease held (a runner named), by account, with the seconds until it expires (negative: expired).
    func leases(now: Date) throws(ArchiveError) -> [LeaseRecord]
}
