import XCTest
@testable import Governor

final class LocalDayTests: XCTestCase {
    func testDaysAreCountedAcrossMonthsYearsAndTheEpoch() {
        let epoch = LocalDay(year: 1970, month: 1, day: 1)
        XCTAssertEqual(epoch.days(since: epoch), 0)
        XCTAssertEqual(epoch.days(since: LocalDay(year: 1969, month: 12, day: 31)), 1)
        XCTAssertEqual(LocalDay(year: 2000, month: 3, day: 1).days(since: epoch), 11_017)
        XCTAssertEqual(LocalDay(year: 2025, month: 6, day: 15).days(since: epoch), 20_254)
        XCTAssertEqual(epoch.days(since: LocalDay(year: 2025, month: 6, day: 15)), -20_254)
    }

    func testLeapDaysAreCounted() {
        XCTAssertEqual(LocalDay(year: 2024, month: 3, day: 1).days(since: LocalDay(year: 2024, month: 2, day: 28)), 2)
        XCTAssertEqual(LocalDay(year: 2025, month: 3, day: 1).days(since: LocalDay(year: 2025, month: 2, day: 28)), 1)
    }

    func testInstantsFallOnTheirLocalDayNotTheUTCDay() throws {
        let calendar = LocalCalendar(timeZone: try zone("America/New_York"))
        XCTAssertEqual(calendar.day(containing: try instant("2025-03-08T04:59:59Z")), LocalDay(year: 2025, month: 3, day: 7))
        XCTAssertEqual(calendar.day(containing: try instant("2025-03-08T05:00:00Z")), LocalDay(year: 2025, month: 3, day: 8))
    }

    func testNextDayStartsAtLocalMidnightOnDSTChangeDays() throws {
        let calendar = LocalCalendar(timeZone: try zone("America/New_York"))
        // 9 March 2025 has 23 hours, 2 November 2025 has 25.
        XCTAssertEqual(calendar.startOfNextDay(after: try instant("2025-03-09T05:00:00Z")), try instant("2025-03-10T04:00:00Z"))
        XCTAssertEqual(calendar.startOfNextDay(after: try instant("2025-03-10T03:59:59Z")), try instant("2025-03-10T04:00:00Z"))
        XCTAssertEqual(calendar.startOfNextDay(after: try instant("2025-11-02T04:00:00Z")), try instant("2025-11-03T05:00:00Z"))
    }

    func testNextDayStartsAtOneOClockWhereMidnightIsSkipped() throws {
        // Santiago moved its clocks from 00:00 to 01:00 on 7 September 2025.
        let calendar = LocalCalendar(timeZone: try zone("America/Santiago"))
        XCTAssertEqual(calendar.startOfNextDay(after: try instant("2025-09-06T12:00:00Z")), try instant("2025-09-07T04:00:00Z"))
    }
}
