import Foundation
import XCTest
@testable import Jobs

/// The next fire time for a table of schedules, zones and start instants. Expected times are
/// written with the zone's offset on that date, so a DST case shows which side of the change it is.
final class CronNextFireTests: XCTestCase {
    private struct Case {
        let schedule: String
        let zone: String
        let after: String
        let expected: String?
        let why: String
        let anchor: String?

        init(_ schedule: String, _ zone: String, after: String, _ expected: String?, _ why: String, anchor: String? = nil) {
            self.schedule = schedule
            self.zone = zone
            self.after = after
            self.expected = expected
            self.why = why
            self.anchor = anchor
        }
    }

    private let cases: [Case] = [
        // Steps, ranges, lists.
        Case("*/15 * * * *", "UTC", after: "2025-01-01T00:07:00Z", "2025-01-01T00:15:00Z", "step"),
        Case("*/15 * * * *", "UTC", after: "2025-01-01T00:15:00Z", "2025-01-01T00:30:00Z", "strictly after a fire time"),
        Case("*/15 * * * *", "UTC", after: "2025-01-01T00:15:30Z", "2025-01-01T00:30:00Z", "seconds are ignored"),
        Case("0 0 * * *", "UTC", after: "2025-01-01T23:59:59.500Z", "2025-01-02T00:00:00Z", "sub-second start"),
        Case("10-50/10 * * * *", "UTC", after: "2025-01-01T00:50:00Z", "2025-01-01T01:10:00Z", "stepped range wraps to next hour"),
        Case("1,15,30 * * * *", "UTC", after: "2025-01-01T00:16:00Z", "2025-01-01T00:30:00Z", "list"),
        Case("5/15 * * * *", "UTC", after: "2025-01-01T00:50:00Z", "2025-01-01T01:05:00Z", "start/step runs to the end of the field"),
        Case("0 9-17 * * MON-FRI", "UTC", after: "2025-01-03T17:00:00Z", "2025-01-06T09:00:00Z", "Friday evening to Monday"),
        Case("59 23 31 12 *", "UTC", after: "2025-12-31T23:59:00Z", "2026-12-31T23:59:00Z", "last minute of the year"),
        // Names and 7 = Sunday.
        Case("0 0 * * sun", "UTC", after: "2025-01-01T00:00:00Z", "2025-01-05T00:00:00Z", "lowercase day name"),
        Case("0 0 * * 7", "UTC", after: "2025-01-01T00:00:00Z", "2025-01-05T00:00:00Z", "7 is Sunday"),
        Case("0 0 * * 5-7", "UTC", after: "2025-01-04T12:00:00Z", "2025-01-05T00:00:00Z", "range ending in 7 reaches Sunday"),
        Case("0 0 1 jan *", "UTC", after: "2025-06-01T00:00:00Z", "2026-01-01T00:00:00Z", "month name"),
        Case("30 6 * Jun-Aug *", "UTC", after: "2025-08-31T07:00:00Z", "2026-06-01T06:30:00Z", "month range skips to next year"),
        // Day-of-month / day-of-week rule.
        Case("0 0 13 * FRI", "UTC", after: "2025-06-01T00:00:00Z", "2025-06-06T00:00:00Z", "both restricted: Friday before the 13th"),
        Case("0 0 13 * FRI", "UTC", after: "2025-06-07T00:00:00Z", "2025-06-13T00:00:00Z", "both restricted: the 13th"),
        Case("0 0 1 * MON", "UTC", after: "2025-09-01T00:00:00Z", "2025-09-08T00:00:00Z", "both restricted: Monday before the 1st"),
        Case("0 0 */10 * MON", "UTC", after: "2025-09-02T00:00:00Z", "2025-09-08T00:00:00Z", "a stepped day-of-month counts as restricted"),
        Case("0 0 * * MON", "UTC", after: "2025-09-02T00:00:00Z", "2025-09-08T00:00:00Z", "day-of-month *: only weekday counts"),
        Case("0 0 15 * *", "UTC", after: "2025-09-02T00:00:00Z", "2025-09-15T00:00:00Z", "day-of-week *: only day counts"),
        // Month ends and leap years.
        Case("0 12 31 * *", "UTC", after: "2025-01-31T12:00:00Z", "2025-03-31T12:00:00Z", "31st skips February"),
        Case("0 12 31 * *", "UTC", after: "2025-03-31T12:00:00Z", "2025-05-31T12:00:00Z", "31st skips April"),
        Case("0 0 30 * *", "UTC", after: "2025-01-30T00:00:00Z", "2025-03-30T00:00:00Z", "30th skips February"),
        Case("0 0 31 4,6,9,11,12 *", "UTC", after: "2025-01-01T00:00:00Z", "2025-12-31T00:00:00Z", "only December has a 31st"),
        Case("0 0 29 2 *", "UTC", after: "2024-02-28T12:00:00Z", "2024-02-29T00:00:00Z", "leap day in a leap year"),
        Case("0 0 29 2 *", "UTC", after: "2025-01-01T00:00:00Z", "2028-02-29T00:00:00Z", "next leap day"),
        Case("0 0 29 2 *", "UTC", after: "2096-03-01T00:00:00Z", "2104-02-29T00:00:00Z", "2100 is not a leap year"),
        // Macros.
        Case("@hourly", "UTC", after: "2025-01-01T10:30:00Z", "2025-01-01T11:00:00Z", "@hourly"),
        Case("@daily", "Europe/Berlin", after: "2025-06-01T12:00:00+02:00", "2025-06-02T00:00:00+02:00", "@daily in local time"),
        Case("@midnight", "UTC", after: "2025-06-01T00:00:00Z", "2025-06-02T00:00:00Z", "@midnight"),
        Case("@weekly", "UTC", after: "2025-01-01T00:00:00Z", "2025-01-05T00:00:00Z", "@weekly is Sunday midnight"),
        Case("@monthly", "UTC", after: "2025-01-15T00:00:00Z", "2025-02-01T00:00:00Z", "@monthly"),
        Case("@yearly", "UTC", after: "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "@yearly"),
        Case("@ANNUALLY", "UTC", after: "2025-03-01T00:00:00Z", "2026-01-01T00:00:00Z", "macros are case-insensitive"),
        Case("0 9 * * *", "Asia/Kolkata", after: "2025-01-01T00:00:00Z", "2025-01-01T09:00:00+05:30", "half-hour offset"),
        // @every.
        Case("@every 6h", "UTC", after: "2025-01-01T05:00:00Z", "2025-01-01T06:00:00Z", "epoch anchor"),
        Case("@every 90m", "UTC", after: "2025-01-01T00:00:00Z", "2025-01-01T01:30:00Z", "on a slot: the next one"),
        Case("@every 90m", "UTC", after: "2025-01-01T03:00:00Z", "2025-01-01T03:10:00Z", "anchored to the last run",
             anchor: "2025-01-01T00:10:00Z"),
        Case("@every 1h30m", "UTC", after: "2025-01-01T03:00:00Z", "2025-01-01T03:10:00Z", "compound duration",
             anchor: "2025-01-01T00:10:00Z"),
        Case("@every 1h", "Europe/Berlin", after: "2025-10-26T02:00:00+02:00", "2025-10-26T02:00:00+01:00",
             "intervals ignore the repeated hour"),
        // Europe/Berlin, spring forward (02:00 CET -> 03:00 CEST): 2025-03-30 and 2026-03-29.
        Case("30 2 * * *", "Europe/Berlin", after: "2025-03-29T12:00:00+01:00", "2025-03-30T03:00:00+02:00",
             "skipped time fires at the end of the gap"),
        Case("30 2 * * *", "Europe/Berlin", after: "2025-03-30T03:00:00+02:00", "2025-03-31T02:30:00+02:00",
             "fires once for the skipped time"),
        Case("*/15 * * * *", "Europe/Berlin", after: "2025-03-30T01:45:00+01:00", "2025-03-30T03:00:00+02:00",
             "every skipped slot collapses into one"),
        Case("*/15 * * * *", "Europe/Berlin", after: "2025-03-30T03:00:00+02:00", "2025-03-30T03:15:00+02:00",
             "after the gap, normal again"),
        Case("0 2 * * *", "Europe/Berlin", after: "2026-03-29T00:00:00+01:00", "2026-03-29T03:00:00+02:00", "2026 gap"),
        Case("0 3 * * *", "Europe/Berlin", after: "2026-03-28T12:00:00+01:00", "2026-03-29T03:00:00+02:00",
             "03:00 exists on the spring-forward day"),
        // Europe/Berlin, fall back (03:00 CEST -> 02:00 CET): 2025-10-26 and 2026-10-25.
        Case("30 2 * * *", "Europe/Berlin", after: "2025-10-25T12:00:00+02:00", "2025-10-26T02:30:00+02:00",
             "repeated time fires at its first occurrence"),
        Case("30 2 * * *", "Europe/Berlin", after: "2025-10-26T02:30:00+02:00", "2025-10-27T02:30:00+01:00",
             "and not again at its second"),
        Case("*/30 * * * *", "Europe/Berlin", after: "2025-10-26T02:30:00+02:00", "2025-10-26T03:00:00+01:00",
             "the repeated hour is not run twice"),
        Case("*/30 * * * *", "Europe/Berlin", after: "2025-10-26T02:10:00+01:00", "2025-10-26T03:00:00+01:00",
             "starting inside the second pass"),
        Case("0 2 * * *", "Europe/Berlin", after: "2026-10-24T12:00:00+02:00", "2026-10-25T02:00:00+02:00", "2026 fall back"),
        // America/New_York, spring forward 2025-03-09 and 2026-03-08; fall back 2025-11-02 and 2026-11-01.
        Case("30 2 * * *", "America/New_York", after: "2025-03-08T12:00:00-05:00", "2025-03-09T03:00:00-04:00",
             "skipped time in New York"),
        Case("0 2 * * *", "America/New_York", after: "2026-03-07T12:00:00-05:00", "2026-03-08T03:00:00-04:00", "2026 gap"),
        Case("30 1 * * *", "America/New_York", after: "2025-11-01T12:00:00-04:00", "2025-11-02T01:30:00-04:00",
             "repeated time: first occurrence (EDT)"),
        Case("30 1 * * *", "America/New_York", after: "2025-11-02T01:30:00-04:00", "2025-11-03T01:30:00-05:00",
             "not again in EST"),
        Case("0 * * * *", "America/New_York", after: "2025-11-02T01:00:00-04:00", "2025-11-02T02:00:00-05:00",
             "hourly skips the repeated 01:00"),
        Case("0 0 * * *", "America/New_York", after: "2026-10-31T12:00:00-04:00", "2026-11-01T00:00:00-04:00",
             "midnight before the 2026 fall back"),
        // Other shapes of DST: a half-hour jump, and the southern hemisphere.
        Case("15 2 * * *", "Australia/Lord_Howe", after: "2025-10-04T12:00:00+10:30", "2025-10-05T02:30:00+11:00",
             "half-hour spring-forward"),
        Case("30 2 * * *", "Australia/Sydney", after: "2025-04-05T12:00:00+11:00", "2025-04-06T02:30:00+11:00",
             "southern fall back: first occurrence"),
    ]

    func testNextFireMatchesTheTable() throws {
        XCTAssertGreaterThanOrEqual(cases.count, 40)
        for entry in cases {
            let schedule = try CronSchedule.parse(entry.schedule)
            let zone = TestDates.zone(entry.zone)
            let next = schedule.nextFire(after: TestDates.date(entry.after), in: zone,
                                         anchor: entry.anchor.map { TestDates.date($0) })
            XCTAssertEqual(next, entry.expected.map { TestDates.date($0) },
                           "\(entry.schedule) in \(entry.zone) after \(entry.after): \(entry.why); got \(String(describing: next))")
        }
    }

    func testSuccessiveFiresNeverRepeatOrGoBackwardsAcrossAYearOfBerlinTime() throws {
        let schedule = try CronSchedule.parse("*/30 * * * *")
        let zone = TestDates.zone("Europe/Berlin")
        var time = TestDates.date("2025-01-01T00:00:00+01:00")
        let end = TestDates.date("2026-01-01T00:00:00+01:00")
        var count = 0
        while let next = schedule.nextFire(after: time, in: zone), next < end {
            XCTAssertGreaterThan(next, time)
            time = next
            count += 1
        }
        // 365 days of 48 wall-clock slots, less the start itself, less two on the spring-forward day
        // (02:00, 02:30 and 03:00 are one instant); the repeated hour in autumn runs only once.
        XCTAssertEqual(count, 365 * 48 - 1 - 2)
    }
}
