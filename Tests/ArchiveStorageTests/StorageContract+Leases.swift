import Archive
import Foundation
import XCTest

/// Runners and leases: the same cases on SQLite (times passed in) and PostgreSQL (the database's clock).
/// Expiry is tested with leases of 0 s (expired at once on either clock) and of an hour (never within a test).
extension StorageContract {
    static let hour = 3_600.0

    func leasesAreTakenOnceAndRenewedOnlyByTheirHolder() throws {
        let now = Date()
        let accounts = ["a", "b", "c"]
        XCTAssertEqual(try store.acquireLeases(runner: "r1", accounts: accounts, limit: 2, ttl: Self.hour, now: now), ["a", "b"])
        XCTAssertEqual(try store.acquireLeases(runner: "r2", accounts: accounts, limit: 5, ttl: Self.hour, now: now), ["c"])
        XCTAssertEqual(try store.acquireLeases(runner: "r2", accounts: accounts, limit: 5, ttl: Self.hour, now: now), [])
        XCTAssertEqual(try store.acquireLeases(runner: "r1", accounts: accounts, limit: 0, ttl: Self.hour, now: now), [])
        XCTAssertEqual(try store.renewLeases(runner: "r2", accounts: ["a", "c"], ttl: Self.hour, now: now), ["c"])
        let leases = try store.leases(now: now)
        XCTAssertEqual(leases.map(\.account), accounts)
        XCTAssertEqual(leases.map(\.runner), ["r1", "r1", "r2"])
        for lease in leases {
            XCTAssertGreaterThan(lease.expiresIn, Self.hour - 60, "\(lease)")
            XCTAssertLessThanOrEqual(lease.expiresIn, Self.hour + 1, "\(lease)")
        }
        // A release frees only the releasing runner's leases.
        try store.releaseLeases(runner: "r2", accounts: ["a"])
        try store.releaseLeases(runner: "r1", accounts: ["a"])
        XCTAssertEqual(try store.leases(now: now).map(\.account), ["b", "c"])
        XCTAssertEqual(try store.acquireLeases(runner: "r2", accounts: accounts, limit: 5, ttl: Self.hour, now: now), ["a"])
        XCTAssertEqual(try store.renewLeases(runner: "r1", accounts: ["a", "b"], ttl: Self.hour, now: now), ["b"])
    }

    func anExpiredLeaseIsTakenOverAndLostToItsOldHolder() throws {
        let now = Date()
        XCTAssertEqual(try store.acquireLeases(runner: "r1", accounts: ["a", "b"], limit: 2, ttl: 0, now: now), ["a", "b"])
        XCTAssertEqual(try store.renewLeases(runner: "r1", accounts: ["b"], ttl: Self.hour, now: now), ["b"],
                       "an expired lease nobody took is still its holder's to renew")
        let later = now.addingTimeInterval(1)
        XCTAssertEqual(try store.acquireLeases(runner: "r2", accounts: ["a", "b"], limit: 2, ttl: Self.hour, now: later), ["a"])
        XCTAssertEqual(try store.renewLeases(runner: "r1", accounts: ["a", "b"], ttl: Self.hour, now: later), ["b"],
                       "the lease r2 took over is lost to r1")
        XCTAssertEqual(try store.leases(now: later).map { "\($0.account)=\($0.runner)" }, ["a=r2", "b=r1"])
    }

    func runnersAreRegisteredAndHeartbeat() throws {
        let now = Date()
        try store.registerRunner(name: "r1", host: "alpha", pid: 11, now: now)
        try store.heartbeatRunner(name: "r2", host: "beta", pid: 22, now: now)
        try store.heartbeatRunner(name: "r1", host: "alpha", pid: 11, now: now)
        var runners = try store.runners(now: now)
        XCTAssertEqual(runners.map(\.name), ["r1", "r2"])
        XCTAssertEqual(runners.map(\.host), ["alpha", "beta"])
        XCTAssertEqual(runners.map(\.pid), [11, 22])
        for runner in runners {
            XCTAssertTrue(runner.isLive(ttl: 60), "\(runner)")
            XCTAssertFalse(runner.isLive(ttl: -1), "\(runner)")
        }
        // A restart under the same name replaces the process.
        try store.registerRunner(name: "r1", host: "gamma", pid: 33, now: now)
        try store.removeRunner(name: "r2")
        runners = try store.runners(now: now)
        XCTAssertEqual(runners.map(\.name), ["r1"])
        XCTAssertEqual(runners.first?.host, "gamma")
        XCTAssertEqual(runners.first?.pid, 33)
    }

    /// `handles` are separate connections to one archive, one per runner, asking for leases at the same time:
    /// every round, the accounts taken are disjoint and cover every account.
    func racingRunnersNeverTakeOneAccountTwice(handles: [any Storage]) throws {
        let accounts = (1...12).map { "acct\($0)" }
        for round in 0..<8 {
            let results = RaceResults()
            DispatchQueue.concurrentPerform(iterations: handles.count) { index in
                results.record(index) {
                    try handles[index].acquireLeases(runner: "r\(index)", accounts: accounts.shuffled(),
                                                     limit: accounts.count, ttl: Self.hour, now: Date())
                }
            }
            let (taken, failures) = results.snapshot()
            XCTAssertEqual(failures, [])
            let all = taken.values.flatMap { $0 }
            XCTAssertEqual(all.count, Set(all).count, "round \(round): an account taken twice: \(taken)")
            XCTAssertEqual(Set(all), Set(accounts), "round \(round)")
            let held = try store.leases(now: Date())
            for (index, got) in taken {
                XCTAssertEqual(held.filter { $0.runner == "r\(index)" }.map(\.account).sorted(), got.sorted())
            }
            for (index, handle) in handles.enumerated() {
                try handle.releaseLeases(runner: "r\(index)", accounts: accounts)
            }
        }
    }
}

/// What each racing runner took, collected from several threads.
private final class RaceResults: @unchecked Sendable {
    private let lock = NSLock()
    private var taken: [Int: [String]] = [:]
    private var failures: [String] = []

    func record(_ index: Int, _ body: () throws -> [String]) {
        do {
            let got = try body()
            lock.withLock { taken[index] = got }
        } catch {
            lock.withLock { failures.append("\(error)") }
        }
    }

    func snapshot() -> (taken: [Int: [String]], failures: [String]) {
        lock.withLock { (taken, failures) }
    }
}
