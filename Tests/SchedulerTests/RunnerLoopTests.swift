import Archive
import Foundation
import Scheduler
import TestSupport
import Timekeeping
import XCTest

/// Runner loops over one embedded archive with real time and a short TTL: accounts move between runners as
/// they join and leave, and an account never runs in two loops at once.
final class RunnerLoopTests: XCTestCase {
    private let accounts = ["a", "b", "c", "d"]

    func testRunnersShareTheAccountsAndNeverRunOneTwice() async throws {
        let store = try ArchiveStore(path: temporaryDirectory(prefix: "runner-loop").archivePath)
        let ledger = AccountLedger()
        let clock = SystemProgramClock()
        func loop(_ name: String) -> RunnerLoop {
            let keeper = LeaseKeeper(runner: RunnerIdentity(name: name, host: "test", pid: 1), storage: store, ttl: 0.6, clock: clock)
            var loop = RunnerLoop(keeper: keeper, accounts: accounts) { account, stop in
                ledger.begin(account, runner: name)
                while !stop.isRaised, !Task.isCancelled { try? await Task.sleep(for: .milliseconds(10)) }
                ledger.end(account, runner: name)
            }
            loop.tick = 0.02
            return loop
        }
        let (r1, r2) = (loop("r1"), loop("r2"))
        let firstStop = StopSignal()
        let first = Task { await r1.run(stop: firstStop, clock: clock) }
        try await waitUntil { ledger.running(by: "r1").count == 4 }
        let secondStop = StopSignal()
        let second = Task { await r2.run(stop: secondStop, clock: clock) }
        try await waitUntil { ledger.running(by: "r1").count == 2 && ledger.running(by: "r2").count == 2 }
        firstStop.raise()
        let ran = await first.value
        XCTAssertEqual(Set(ran), Set(accounts))
        try await waitUntil { ledger.running(by: "r2").count == 4 }
        secondStop.raise()
        _ = await second.value
        XCTAssertEqual(ledger.overlaps, [], "an account ran in two runners at once")
        XCTAssertEqual(try store.leases(now: Date()), [])
        XCTAssertEqual(try store.runners(now: Date()), [])
    }

    func testRunOnceRunsTheLeasedAccountsOnceAndReleasesThem() async throws {
        let store = try ArchiveStore(path: temporaryDirectory(prefix: "runner-once").archivePath)
        let clock = SystemProgramClock()
        let other = LeaseKeeper(runner: RunnerIdentity(name: "busy", host: "test", pid: 2), storage: store, ttl: 60, clock: clock)
        XCTAssertEqual(other.round(wanted: ["a"]).gained, ["a"])
        let ledger = AccountLedger()
        let keeper = LeaseKeeper(runner: RunnerIdentity(name: "once", host: "test", pid: 1), storage: store, ttl: 60, clock: clock)
        var loop = RunnerLoop(keeper: keeper, accounts: accounts) { account, _ in
            ledger.begin(account, runner: "once")
            ledger.end(account, runner: "once")
        }
        loop.once = true
        loop.tick = 0.02
        let ran = await loop.run(stop: StopSignal(), clock: clock)
        XCTAssertEqual(ran.sorted(), ["b", "c"], "its share of the accounts (⌈4 ÷ 2⌉), none of them another's")
        XCTAssertEqual(try store.leases(now: Date()).map(\.account), ["a"], "its own leases released, the other's kept")
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<400 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        XCTAssertTrue(condition(), "timed out")
    }
}

/// Which runner runs which account, and any moment one ran in two.
private final class AccountLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var current: [String: String] = [:]
    private var found: [String] = []

    func begin(_ account: String, runner: String) {
        lock.withLock {
            if let holder = current[account] { found.append("\(account): \(runner) while \(holder)") }
            current[account] = runner
        }
    }

    func end(_ account: String, runner: String) {
        lock.withLock { if current[account] == runner { current[account] = nil } }
    }

    func running(by runner: String) -> [String] { lock.withLock { current.filter { $0.value == runner }.map(\.key) } }

    var overlaps: [String] { lock.withLock { found } }
}
