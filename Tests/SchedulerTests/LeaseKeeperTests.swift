import Archive
import Foundation
import SandboxTestSupport
import Scheduler
import TestSupport
import XCTest

/// The lease policy over a real embedded archive, with a simulated clock (SQLite judges expiry by the time
/// the keepers pass, so whole TTLs pass without waiting).
final class LeaseKeeperTests: XCTestCase {
    private let accounts = ["a", "b", "c", "d"]
    private let ttl = 30.0

    private func setUp() throws -> (ArchiveStore, SimulatedProgramClock) {
        let store = try ArchiveStore(path: temporaryDirectory(prefix: "lease-keeper").archivePath)
        return (store, SimulatedProgramClock(now: 1_780_000_000))
    }

    private func keeper(_ name: String, _ store: ArchiveStore, _ clock: SimulatedProgramClock) -> LeaseKeeper {
        LeaseKeeper(runner: RunnerIdentity(name: name, host: "test", pid: 1), storage: store, ttl: ttl, clock: clock)
    }

    func testARunnerAloneTakesEveryAccountAndGivesItsSurplusToRunnersThatJoin() throws {
        let (store, clock) = try setUp()
        let first = keeper("r1", store, clock)
        XCTAssertEqual(first.round(wanted: accounts), LeaseChanges(gained: accounts))
        let second = keeper("r2", store, clock)
        XCTAssertEqual(second.round(wanted: accounts), LeaseChanges(), "every account is leased and none expired")
        clock.advance(by: first.interval)
        let change = first.round(wanted: accounts)
        XCTAssertEqual(change, LeaseChanges(surplus: ["c", "d"]), "two live runners: a share of two each")
        try first.release(change.surplus)
        XCTAssertEqual(second.round(wanted: accounts), LeaseChanges(gained: ["c", "d"]))
        let third = keeper("r3", store, clock)
        XCTAssertEqual(third.round(wanted: accounts), LeaseChanges(), "⌈4 ÷ 3⌉ = 2: the first two keep their share")
        XCTAssertEqual(first.round(wanted: accounts), LeaseChanges())
        XCTAssertEqual(try store.leases(now: Date(timeIntervalSince1970: clock.now())).map { "\($0.account)=\($0.runner)" },
                       ["a=r1", "b=r1", "c=r2", "d=r2"])
        // An account without jobs any more is given back.
        XCTAssertEqual(first.round(wanted: ["a", "c", "d"]), LeaseChanges(surplus: ["b"]))
    }

    func testADeadRunnersAccountsAreTakenOverOnlyOnceItsLeasesExpired() throws {
        let (store, clock) = try setUp()
        let dying = keeper("r1", store, clock)
        XCTAssertEqual(dying.round(wanted: accounts), LeaseChanges(gained: accounts))
        let survivor = keeper("r2", store, clock)
        // r1 stops renewing (killed). Within the TTL nothing is taken from it.
        var waited = 0.0
        while waited + survivor.interval < ttl {
            clock.advance(by: survivor.interval)
            waited += survivor.interval
            XCTAssertEqual(survivor.round(wanted: accounts), LeaseChanges(), "at +\(waited) s")
        }
        clock.advance(by: ttl - waited)
        XCTAssertEqual(survivor.round(wanted: accounts), LeaseChanges(gained: accounts), "r1 is dead: the whole share is r2's")
        // Had r1 only stalled, it stopped using the accounts long before (half a TTL) and learns they are lost.
        XCTAssertEqual(dying.overdue(), accounts)
        XCTAssertEqual(dying.round(wanted: accounts), LeaseChanges())
        XCTAssertEqual(dying.accounts, [])
    }

    func testAnOverdueRenewalDropsTheAccountsHalfATTLBeforeTheirLeasesExpire() throws {
        let (store, clock) = try setUp()
        let runner = keeper("r1", store, clock)
        XCTAssertEqual(runner.round(wanted: accounts).gained, accounts)
        XCTAssertEqual(runner.deadline, clock.now() + ttl / 2)
        clock.advance(by: ttl / 2 - 0.5)
        XCTAssertEqual(runner.overdue(), [])
        clock.advance(by: 0.5)
        XCTAssertEqual(runner.overdue(), accounts)
        XCTAssertEqual(runner.overdue(), [], "dropped once")
        let leases = try store.leases(now: Date(timeIntervalSince1970: clock.now()))
        XCTAssertEqual(leases.map(\.expiresIn), Array(repeating: ttl / 2, count: 4), "half a TTL left to stop the jobs")
        // The leases are still its own: the next round renews them and hands them back for release.
        let change = runner.round(wanted: accounts)
        XCTAssertEqual(change, LeaseChanges(surplus: accounts))
        try runner.release(change.surplus)
        XCTAssertEqual(try store.leases(now: Date(timeIntervalSince1970: clock.now())), [])
    }

    func testAStopReleasesEveryLeaseAndForgetsTheRunner() throws {
        let (store, clock) = try setUp()
        let runner = keeper("r1", store, clock)
        _ = runner.round(wanted: accounts)
        XCTAssertEqual(try store.runners(now: Date(timeIntervalSince1970: clock.now())).map(\.name), ["r1"])
        try runner.stop()
        XCTAssertEqual(try store.leases(now: Date(timeIntervalSince1970: clock.now())), [])
        XCTAssertEqual(try store.runners(now: Date(timeIntervalSince1970: clock.now())), [])
        XCTAssertEqual(keeper("r2", store, clock).round(wanted: accounts).gained, accounts, "at once, without waiting a TTL")
    }
}
