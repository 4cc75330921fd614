@testable import Archive
import Foundation
import Governor
import MTProtoCrypto
import Harvester
import Jobs
import Scheduler
import XCTest

final class SchedulerTests: XCTestCase {
    static let twoJobs = """
        defaults:
          timezone: UTC
        jobs:
          - name: small
            channel: "@small"
            schedule: "@every 6h"
            refresh: 1d
          - name: large
            channel: "@large"
            schedule: "@daily"
            refresh: 2d              # deletions come within 6 h of a post: two days covers a daily run
            limits:
              requests: 25
        """

    func testSeveralSimulatedDaysOfRunsKeepEveryArchiveEqualToTheServer() async throws {
        let harness = try await SchedulerHarness()
        let jobs = try SchedulerHarness.jobs(Self.twoJobs)
        var runsOf: [String: Int] = [:]
        var largeCompleted = false
        for _ in 0..<(4 * 24) {
            let report = try await harness.runDue(jobs)
            XCTAssertEqual(report.exitCode, .success)
            for outcome in report.outcomes {
                runsOf[outcome.job, default: 0] += 1
                if outcome.job == "small" {
                    XCTAssertEqual(outcome.stop, .completed)
                    let live = Set(try harness.liveIDs("small")), truth = Set(harness.truthIDs("small"))
                    XCTAssertEqual(live, truth, "after run \(runsOf["small"] ?? 0): extra \(live.subtracting(truth).sorted()) missing \(truth.subtracting(live).sorted())")
                }
                if outcome.job == "large", outcome.stop == .completed {
                    largeCompleted = true
                    let live = Set(try harness.liveIDs("large")), truth = Set(harness.truthIDs("large"))
                    XCTAssertEqual(live, truth, "extra \(live.subtracting(truth).sorted()) missing \(truth.subtracting(live).sorted())")
                }
            }
            harness.sandbox.clock.advance(by: 3_600)
        }
        XCTAssertEqual(runsOf["small"], 16, "every 6 hours for 4 days")
        XCTAssertEqual(runsOf["large"], 4, "once a day (the first run at once)")
        XCTAssertTrue(largeCompleted)
        let runs = try harness.store.runs(job: "large")
        XCTAssertEqual(runs.first?.deferralReason, "stopped at the requests (25) limit")
        XCTAssertEqual(runs.map(\.requests).max(), 25)
    }

    func testDueJobsInterleavePageByPageSoASmallJobIsNotStarved() async throws {
        let harness = try await SchedulerHarness()
        let jobs = try SchedulerHarness.jobs("""
            jobs:
              - name: large
                channel: "@large"
                schedule: "@daily"
              - name: small
                channel: "@small"
                schedule: "@daily"
            """)
        let report = try await harness.runDue(jobs)
        XCTAssertEqual(report.outcomes.map(\.job), ["small", "large"], "the small job ends first")
        let events = await harness.hooks.events
        let firstPages = events.filter { $0.hasPrefix("page") }.prefix(4)
        XCTAssertEqual(Array(firstPages), ["page large", "page small", "page large", "page small"])
        XCTAssertEqual(try harness.liveIDs("large"), harness.truthIDs("large"))
        XCTAssertEqual(try harness.liveIDs("small"), harness.truthIDs("small"))
    }

    func testAFloodWaitOverTheMaximumDefersWithExitCode75AndLaterRunsResume() async throws {
        let harness = try await SchedulerHarness(flood: .telegramLike, floodWaitMax: .seconds(1))
        let jobs = try SchedulerHarness.jobs("""
            jobs:
              - name: large
                channel: "@large"
                schedule: "@every 1h"
                refresh: 1d
            """)
        let first = try await harness.runDue(jobs)
        XCTAssertEqual(first.exitCode, .deferred)
        guard case .deferred(.floodWait) = first.outcomes.first?.stop else {
            return XCTFail("expected a flood deferral, got \(String(describing: first.outcomes.first?.stop))")
        }
        var last = first
        for _ in 0..<48 where last.outcomes.first?.stop != .completed {
            harness.sandbox.clock.advance(by: 3_600)
            last = try await harness.runDue(jobs)
        }
        XCTAssertEqual(last.exitCode, .success)
        XCTAssertEqual(try harness.liveIDs("large").count, harness.truthIDs("large").count)
        let statuses = try harness.store.runs(job: "large").map(\.status)
        XCTAssertEqual(statuses.first, .deferred)
        XCTAssertEqual(statuses.last, .succeeded)
    }

    func testMissedSchedulesRunOnceNotOncePerMissedSlot() async throws {
        let harness = try await SchedulerHarness()
        let jobs = try SchedulerHarness.jobs("""
            jobs:
              - name: small
                channel: "@small"
                schedule: "@hourly"
            """)
        let first = try await harness.runDue(jobs)
        XCTAssertEqual(first.outcomes.count, 1)
        harness.sandbox.clock.advance(by: 5 * 3_600 + 60)
        XCTAssertEqual(try harness.scheduler.dueJobs(jobs, now: harness.now).map(\.name), ["small"])
        let second = try await harness.runDue(jobs)
        XCTAssertEqual(second.outcomes.count, 1)
        XCTAssertEqual(try harness.scheduler.dueJobs(jobs, now: harness.now), [])
    }

    func testARunWindowKeepsAJobWaitingUntilItOpens() async throws {
        let harness = try await SchedulerHarness()
        // The clock starts at 00:00 UTC.
        let jobs = try SchedulerHarness.jobs("""
            jobs:
              - name: night
                channel: "@small"
                schedule: "@hourly"
                timezone: UTC
                run_window: "02:00-04:00"
            """)
        XCTAssertEqual(try harness.scheduler.dueJobs(jobs, now: harness.now), [])
        XCTAssertEqual(try harness.scheduler.nextDue(jobs, now: harness.now), harness.now.addingTimeInterval(2 * 3_600))
        harness.sandbox.clock.advance(by: 2 * 3_600)
        let report = try await harness.runDue(jobs)
        XCTAssertEqual(report.outcomes.map(\.stop), [.completed])
    }

    func testARunStopsAtTheEndOfItsRunWindowAsADeferral() async throws {
        let harness = try await SchedulerHarness(flood: .telegramLike)
        let jobs = try SchedulerHarness.jobs("""
            jobs:
              - name: large
                channel: "@large"
                schedule: "@hourly"
                timezone: UTC
                run_window: "00:00-00:02"
            """)
        // Ten seconds before the window closes; the first flood wait (30 s) outlasts it.
        harness.sandbox.clock.advance(by: 110)
        let report = try await harness.runDue(jobs)
        XCTAssertEqual(report.exitCode, .deferred)
        guard case .deferred(.runWindowEnded) = report.outcomes.first?.stop else {
            return XCTFail("expected the run window to end the run, got \(String(describing: report.outcomes.first?.stop))")
        }
        XCTAssertEqual(try harness.store.runs(job: "large").last?.deferralReason, "run window ended")
    }

    func testARaisedStopEndsEveryRunAfterItsCommittedPage() async throws {
        let harness = try await SchedulerHarness()
        let jobs = try SchedulerHarness.jobs(Self.twoJobs)
        let stop = StopSignal()
        stop.raise()
        let report = await harness.scheduler.run(jobs, stop: stop, jitter: false)
        XCTAssertEqual(report.outcomes.map(\.stop), [.deferred(.stopRequested), .deferred(.stopRequested)])
        XCTAssertEqual(report.exitCode, .success)
    }

    func testTheDaemonRunsJobsAsTheyFallDueAndReturnsWhenStopped() async throws {
        let harness = try await SchedulerHarness()
        let jobs = try SchedulerHarness.jobs("""
            jobs:
              - name: small
                channel: "@small"
                schedule: "@every 6h"
                refresh: 1d
            """)
        let stop = StopSignal()
        let passes = PassCounter()
        var daemon = Daemon(scheduler: harness.scheduler, jobs: jobs)
        daemon.tick = 600  // simulated seconds per wake-up; real daemons wake every second
        let code = await daemon.run(stop: stop) { report in
            if await passes.add(report) >= 3 { stop.raise() }
        }
        XCTAssertEqual(code, .success)
        let runs = try harness.store.runs(job: "small")
        XCTAssertEqual(runs.count, 3)
        let gaps = zip(runs.dropFirst(), runs).map { $0.startedAt.timeIntervalSince($1.startedAt) }
        XCTAssertEqual(gaps.map { ($0 / 3_600).rounded() }, [6, 6], "the daemon slept until each next due time")
        // The daemon stopped a little after its last run: posts since then are not archived yet.
        let archived = try harness.liveIDs("small")
        XCTAssertEqual(archived, harness.truthIDs("small").filter { $0 <= (archived.last ?? 0) })
    }

    func testWarmUpBudgetsGrowDayByDayInTheRunsTable() async throws {
        let jobs = try SchedulerHarness.jobs("""
            jobs:
              - name: large
                channel: "@large"
                schedule: "@daily"
                timezone: UTC
                warmup:
                  day1: 5
                  growth: 2
                  cap: 100
            """)
        let configuration = try GovernorConfiguration(settings: Settings(), jobs: jobs)
        let governor = try RateGovernor(configuration: configuration, store: InMemoryGovernorStateStore(),
                                        random: SeededRandom(seed: 3))
        let harness = try await SchedulerHarness(governor: governor)
        var codes: [ExitStatus] = []
        for _ in 0..<4 {
            codes.append(try await harness.runDue(jobs).exitCode)
            harness.sandbox.clock.advance(by: 86_400)
        }
        // The channel needs 69 requests (a resolve and 68 pages): three budget-limited days, then the rest.
        let runs = try harness.store.runs(job: "large")
        XCTAssertEqual(codes, [.deferred, .deferred, .deferred, .success])
        XCTAssertEqual(runs.map(\.requests), [5, 10, 20, 34], "day 1 allows 5 requests, each later day twice as many")
        XCTAssertEqual(runs.map(\.status), [.deferred, .deferred, .deferred, .succeeded])
        XCTAssertTrue(runs.prefix(3).allSatisfy { $0.deferralReason?.contains("daily warm-up budget is spent") == true })
        let archived = Set(try harness.store.archivedIDs(channel: try harness.channelID("large"), in: 0...Int32.max))
        let newest = archived.max() ?? 0
        XCTAssertTrue(archived.isSuperset(of: harness.truthIDs("large").filter { $0 <= newest }),
                      "the whole channel up to the last run, over four days")
    }

    func testASecondHolderOfTheAccountLockIsToldWhoHoldsIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try AccountLock.acquire(path: path, holder: "tgcron run", wait: false)
        XCTAssertThrowsError(try AccountLock.acquire(path: path, holder: "tgcron daemon", wait: false)) { error in
            guard case AccountLockError.held(_, let holder) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(holder.hasPrefix("pid \(getpid()) (tgcron run) since "), holder)
        }
        first.release()
        XCTAssertNoThrow(try AccountLock.acquire(path: path, holder: "tgcron daemon", wait: false))
    }
}

/// Counts daemon passes.
actor PassCounter {
    private var count = 0

    func add(_ report: RunReport) -> Int {
        count += 1
        return count
    }
}
