import XCTest
@testable import Jobs

final class MisfirePolicyTests: XCTestCase {
    private let utc = TestDates.zone("UTC")

    func testAJobThatNeverRanIsDueAtOnce() throws {
        let schedule = try CronSchedule.parse("0 3 * * *")
        let now = TestDates.date("2025-05-01T12:00:00Z")
        XCTAssertTrue(schedule.isDue(lastRun: nil, now: now, in: utc))
        XCTAssertEqual(schedule.nextDue(lastRun: nil, now: now, in: utc), now)
    }

    func testNotDueBeforeTheNextFireTimeAfterTheLastRun() throws {
        let schedule = try CronSchedule.parse("0 * * * *")
        let lastRun = TestDates.date("2025-05-01T02:00:05Z")
        XCTAssertFalse(schedule.isDue(lastRun: lastRun, now: TestDates.date("2025-05-01T02:59:59Z"), in: utc))
        XCTAssertTrue(schedule.isDue(lastRun: lastRun, now: TestDates.date("2025-05-01T03:00:00Z"), in: utc))
    }

    func testManyMissedFireTimesMakeTheJobDueOnlyOnce() throws {
        let schedule = try CronSchedule.parse("0 * * * *")
        let lastRun = TestDates.date("2025-05-01T02:00:00Z")
        let now = TestDates.date("2025-05-01T07:30:00Z")  // 03:00 … 07:00 were missed
        XCTAssertTrue(schedule.isDue(lastRun: lastRun, now: now, in: utc))
        // The catch-up run at 07:30 becomes the last run: nothing more is owed until 08:00.
        XCTAssertFalse(schedule.isDue(lastRun: now, now: TestDates.date("2025-05-01T07:45:00Z"), in: utc))
        XCTAssertEqual(schedule.nextDue(lastRun: now, now: TestDates.date("2025-05-01T07:45:00Z"), in: utc),
                       TestDates.date("2025-05-01T08:00:00Z"))
    }

    func testOverdueJobIsDueNowNotAtTheMissedTime() throws {
        let schedule = try CronSchedule.parse("0 3 * * *")
        let now = TestDates.date("2025-05-03T10:00:00Z")
        XCTAssertEqual(schedule.nextDue(lastRun: TestDates.date("2025-05-01T03:00:00Z"), now: now, in: utc), now)
    }

    func testEveryIsAnchoredToTheLastRun() throws {
        let schedule = try CronSchedule.parse("@every 6h")
        let lastRun = TestDates.date("2025-05-01T00:10:00Z")
        XCTAssertFalse(schedule.isDue(lastRun: lastRun, now: TestDates.date("2025-05-01T06:09:59Z"), in: utc))
        XCTAssertTrue(schedule.isDue(lastRun: lastRun, now: TestDates.date("2025-05-01T06:10:00Z"), in: utc))
    }

    func testALastRunInTheFutureAfterAClockStepBackIsNotDue() throws {
        let schedule = try CronSchedule.parse("*/5 * * * *")
        let lastRun = TestDates.date("2025-05-01T12:00:00Z")
        XCTAssertFalse(schedule.isDue(lastRun: lastRun, now: TestDates.date("2025-05-01T11:00:00Z"), in: utc))
    }

    func testDueUsesTheJobsTimeZone() throws {
        let schedule = try CronSchedule.parse("0 9 * * *")
        let berlin = TestDates.zone("Europe/Berlin")
        let lastRun = TestDates.date("2025-05-01T09:00:00+02:00")
        XCTAssertFalse(schedule.isDue(lastRun: lastRun, now: TestDates.date("2025-05-02T08:59:00+02:00"), in: berlin))
        XCTAssertTrue(schedule.isDue(lastRun: lastRun, now: TestDates.date("2025-05-02T09:00:00+02:00"), in: berlin))
    }
}
