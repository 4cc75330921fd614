import XCTest
@testable import Jobs

final class JitterTests: XCTestCase {
    func testTheSameSeedAlwaysGivesTheSameDelay() {
        XCTAssertEqual(Jitter.delay(upTo: .seconds(300), seed: 42), Jitter.delay(upTo: .seconds(300), seed: 42))
    }

    func testDelaysStayBelowTheMaximumAndSpreadOut() {
        var seen = Set<Duration>()
        for seed in UInt64(0)..<1000 {
            let delay = Jitter.delay(upTo: .seconds(60), seed: seed)
            XCTAssertGreaterThanOrEqual(delay, .zero)
            XCTAssertLessThan(delay, .seconds(60))
            seen.insert(delay)
        }
        XCTAssertGreaterThan(seen.count, 900)
    }

    func testZeroMaximumMeansNoDelay() {
        XCTAssertEqual(Jitter.delay(upTo: .zero, seed: 7), .zero)
    }

    func testSeedDependsOnJobNameAndFireTime() {
        let time = TestDates.date("2025-05-01T03:00:00Z")
        XCTAssertEqual(Jitter.seed(jobName: "news", scheduledAt: time), Jitter.seed(jobName: "news", scheduledAt: time))
        XCTAssertNotEqual(Jitter.seed(jobName: "news", scheduledAt: time), Jitter.seed(jobName: "big", scheduledAt: time))
        XCTAssertNotEqual(Jitter.seed(jobName: "news", scheduledAt: time),
                          Jitter.seed(jobName: "news", scheduledAt: time.addingTimeInterval(3600)))
    }

    func testJobStartDelayIsZeroWithoutJitterAndBoundedWithIt() throws {
        let schedule = try CronSchedule.parse("@hourly")
        let location = SourceLocation(file: "jobs/a.yaml", line: 1, column: 1)
        var job = Job(name: "news", channel: .username("news"), schedule: schedule, timeZone: TestDates.zone("UTC"),
                      location: location)
        let time = TestDates.date("2025-05-01T03:00:00Z")
        XCTAssertEqual(job.startDelay(forRunScheduledAt: time), .zero)
        job.jitter = .seconds(120)
        XCTAssertLessThan(job.startDelay(forRunScheduledAt: time), .seconds(120))
        XCTAssertEqual(job.startDelay(forRunScheduledAt: time), job.startDelay(forRunScheduledAt: time))
    }
}
