import Archive
import Foundation
import Timekeeping

/// One runner's side of the account leases (issue #19): it says the runner is alive, renews the leases it
/// holds, takes its share of the accounts with jobs and gives back what is more than its share.
///
/// Its share is ⌈accounts ÷ live runners⌉ (live: a heartbeat within the TTL), so runners that join take
/// accounts from the ones already running, and a runner that dies leaves its accounts free when its leases
/// expire. Safety never rests on the other runners: a lease lasts `ttl` seconds from the start of the round
/// that renewed it, and once `ttl / 2` passes without a successful renewal (`overdue`) every account is
/// dropped, leaving half a TTL for its jobs to stop and its connections to close before another runner may
/// take it. A round and `overdue` may run on different tasks; rounds take turns with each other.
public final class LeaseKeeper: @unchecked Sendable {
    /// The runner's name, machine and process.
    public let runner: RunnerIdentity
    /// How long a lease lasts unless renewed (seconds).
    public let ttl: Double
    private let storage: any LeaseStorage
    private let clock: any ProgramClock
    private let lock = NSLock()
    private let roundLock = NSLock()
    private var held: Set<String> = []
    /// Accounts `overdue` dropped whose leases may still be this runner's: the next round hands them back.
    private var dropped: Set<String> = []
    /// The clock's time when the round that last renewed every held lease started.
    private var renewedAt: Double
    private var registered = false

    /// A keeper for `runner` over `storage`, with leases of `ttl` seconds and time from `clock`.
    public init(runner: RunnerIdentity, storage: any LeaseStorage, ttl: Double = 30, clock: any ProgramClock) {
        self.runner = runner
        self.storage = storage
        self.ttl = ttl
        self.clock = clock
        renewedAt = clock.now()
    }

    /// How often rounds should run: a third of the TTL, so two can fail before `overdue` drops the accounts.
    public var interval: Double { ttl / 3 }

    /// The accounts whose leases the runner holds now.
    public var accounts: Set<String> { lock.withLock { held } }

    /// The time by which a round must renew the leases, or `overdue` drops them.
    public var deadline: Double { lock.withLock { renewedAt + ttl / 2 } }

    /// One round: heartbeat, renew the leases held, then take or give back accounts towards this runner's
    /// share of `wanted` (the accounts with jobs). Storage errors leave the leases as they are: `overdue`
    /// drops them if no round succeeds in time.
    public func round(wanted: [String]) -> LeaseChanges {
        roundLock.lock()
        defer { roundLock.unlock() }
        let started = clock.now()
        let date = Date(timeIntervalSince1970: started)
        let before = lock.withLock { held.union(dropped) }
        let renewed: [String]
        let live: Int
        do {
            if registered {
                try storage.heartbeatRunner(name: runner.name, host: runner.host, pid: runner.pid, now: date)
            } else {
                try storage.registerRunner(name: runner.name, host: runner.host, pid: runner.pid, now: date)
                registered = true
            }
            renewed = try storage.renewLeases(runner: runner.name, accounts: before.sorted(), ttl: ttl, now: date)
            live = try storage.runners(now: date).filter { $0.isLive(ttl: ttl) }.count
        } catch {
            return LeaseChanges()
        }
        var changes = LeaseChanges()
        let kept: Set<String> = lock.withLock {
            // Accounts dropped by `overdue` while this round ran stay dropped; their leases go back.
            let kept = held.intersection(renewed)
            changes.lost = held.subtracting(renewed).sorted()
            changes.surplus = Set(renewed).subtracting(held).sorted()
            dropped.subtract(before)
            held = kept
            renewedAt = started
            return kept
        }
        let share = wanted.isEmpty ? 0 : Int((Double(wanted.count) / Double(max(live, 1))).rounded(.up))
        let unwanted = kept.subtracting(wanted)
        let keeping = kept.intersection(wanted).sorted()
        changes.surplus += unwanted.sorted() + keeping.dropFirst(share)
        if keeping.count < share {
            let free = wanted.filter { !kept.contains($0) }
            if let gained = try? storage.acquireLeases(runner: runner.name, accounts: free, limit: share - keeping.count,
                                                       ttl: ttl, now: date) {
                lock.withLock { held.formUnion(gained) }
                changes.gained = gained
            }
        }
        changes.surplus.sort()
        return changes
    }

    /// The accounts to stop using at once because no round renewed their leases within half the TTL; they
    /// count as no longer held. Empty while renewals are on time.
    public func overdue() -> [String] {
        let now = clock.now()
        return lock.withLock {
            guard now >= renewedAt + ttl / 2, !held.isEmpty else { return [] }
            defer {
                dropped.formUnion(held)
                held = []
            }
            return held.sorted()
        }
    }

    /// Gives back the leases on `accounts`, after their jobs stopped.
    public func release(_ accounts: [String]) throws(ArchiveError) {
        guard !accounts.isEmpty else { return }
        lock.withLock {
            held.subtract(accounts)
            dropped.subtract(accounts)
        }
        try storage.releaseLeases(runner: runner.name, accounts: accounts)
    }

    /// Gives back every lease held and forgets the runner: its clean stop.
    public func stop() throws(ArchiveError) {
        try release(accounts.sorted())
        try storage.removeRunner(name: runner.name)
    }
}

/// What a round changed: accounts to start, to stop at once, and to stop and then release.
public struct LeaseChanges: Equatable, Sendable {
    /// Accounts newly leased: start their jobs.
    public var gained: [String] = []
    /// Accounts whose leases another runner took: stop their jobs at once (the leases are not ours to release).
    public var lost: [String] = []
    /// Accounts held beyond this runner's share, or without jobs: stop their jobs, then `release` them.
    public var surplus: [String] = []

    /// No change.
    public init(gained: [String] = [], lost: [String] = [], surplus: [String] = []) {
        self.gained = gained
        self.lost = lost
        self.surplus = surplus
    }
}

/// Who a runner is: its name (`--runner`), machine and process.
public struct RunnerIdentity: Equatable, Sendable {
    /// The name, unique among the runners sharing an archive.
    public var name: String
    /// The machine's host name.
    public var host: String
    /// The process id.
    public var pid: Int32

    /// An identity.
    public init(name: String, host: String, pid: Int32) {
        self.name = name
        self.host = host
        self.pid = pid
    }

    /// This process, named `name`.
    public static func current(name: String) -> RunnerIdentity {
        RunnerIdentity(name: name, host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier)
    }
}
