import Foundation
import Scheduler
import XCTest

/// Watch mode's rounds, as the daemon runs them between passes.
final class SchedulerWatchTests: XCTestCase {
    func testAWatchRoundPollsEachEnabledJobAndTellsTheHooksWhatItArchived() async throws {
        let harness = try await SchedulerHarness()
        let jobs = try SchedulerHarness.jobs("""
            defaults:
              timezone: UTC
            jobs:
              - name: small
                channel: "@small"
                schedule: "@every 6h"
              - name: large
                channel: "@large"
                schedule: "@daily"
                enabled: false
            """)
        let report = try await harness.runDue(jobs)
        XCTAssertEqual(report.outcomes.map(\.job), ["small"])

        await harness.scheduler.watchRound(jobs, stop: StopSignal())
        let before = Set(harness.truthIDs("small"))
        harness.sandbox.clock.advance(by: 3 * 3_600)
        await harness.scheduler.watchRound(jobs, stop: StopSignal())

        let arrived = Set(harness.truthIDs("small")).subtracting(before).count
        XCTAssertGreaterThan(arrived, 5, "4 posts an hour for 3 hours")
        let events = await harness.hooks.events.filter { !$0.hasPrefix("page ") }
        XCTAssertEqual(events, [
            "start small", "end small",
            "watched small new 0", "round ended without changes",
            "watched small new \(arrived)", "round ended with changes",
        ])
        XCTAssertEqual(try harness.liveIDs("small"), harness.truthIDs("small"))
    }

    func testARaisedStopEndsTheRoundBeforeAnyPoll() async throws {
        let harness = try await SchedulerHarness()
        let jobs = try SchedulerHarness.jobs("""
            jobs:
              - name: small
                channel: "@small"
                schedule: "@every 6h"
            """)
        let stop = StopSignal()
        stop.raise()

        await harness.scheduler.watchRound(jobs, stop: stop)

        let events = await harness.hooks.events
        XCTAssertEqual(events, ["round ended without changes"])
    }
}
