import XCTest
@testable import Jobs

final class CronParsingTests: XCTestCase {
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CronError? {
        do {
            _ = try CronSchedule.parse(text)
            XCTFail("'\(text)' parsed", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testRejectionsSayWhichFieldAndWhereItIs() {
        let expectations: [(String, String, Int?)] = [
            ("61 * * * *", "minute field '61' is out of range 0-59", 0),
            ("0 24 * * *", "hour field '24' is out of range 0-23", 2),
            ("0 0 0 * *", "day-of-month field '0' is out of range 1-31", 4),
            ("0 0 1 13 *", "month field '13' is out of range 1-12", 6),
            ("0 0 * * 8", "day-of-week field '8' is out of range 0-7", 8),
            ("0 0 * * 1-9", "day-of-week field '9' is out of range 0-7", 10),
            ("0 0 * * FUNDAY", "day-of-week field 'FUNDAY' is not a number 0-7 or a name SUN-SAT", 8),
            ("0 0 L * *", "day-of-month field 'L' is not a number 1-31", 4),
            ("0 0 ? * *", "day-of-month field '?' is not a number 1-31", 4),
            ("0 22-2 * * *", "hour field range '22-2' runs backwards; cron ranges cannot wrap around", 2),
            ("*/0 * * * *", "minute field step '0' must be a number from 1 to 59", 2),
            ("*/90 * * * *", "minute field step '90' must be a number from 1 to 59; for every 90 minutes use '@every 90m'", 2),
            ("0 */36 * * *", "hour field step '36' must be a number from 1 to 23; for every 36 hours use '@every 36h'", 4),
            ("1,,2 * * * *", "minute field has an empty item in its list", 2),
            ("* * * *", "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), got 4", nil),
            ("0 * * * * *", "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), got 6", nil),
            ("", "schedule is empty", nil),
            ("@dailly", "unknown schedule '@dailly' (did you mean '@daily'?)", nil),
            ("@reboot", "unknown schedule '@reboot' (use @hourly, @daily, @weekly, @monthly, @yearly or @every <duration>)", nil),
            ("@daily 5", "unknown schedule '@daily 5' (did you mean '@daily'?)", nil),
            ("@every", "'@every' needs a duration, as in '@every 6h' or '@every 90m'", 6),
            ("@every 6 hours", "'@every' interval: '6 hours' is not a duration like '45m', '1.5s' or '1h30m'", 7),
            ("@every 30s", "'@every' interval must be at least 1m, got '30s'", 7),
            ("0 0 30 2 *", "schedule never fires: day 30 does not occur in February", 4),
            ("0 0 31 4,6 *", "schedule never fires: day 31 does not occur in April or June", 4),
        ]
        for (text, message, offset) in expectations {
            guard let error = error(text) else { continue }
            XCTAssertEqual(error.description, message, text)
            XCTAssertEqual(error.offset, offset, text)
        }
    }

    func testAcceptsEverySpellingTheJobFilesDocument() throws {
        for text in ["*/15 9-17 * * MON-FRI", "0 0 1,15 * *", "10-50/10 * * * *", "0 0 * jan-MAR sun",
                     "@hourly", "@Daily", "@weekly", "@monthly", "@yearly", "@annually", "@midnight",
                     "@every 6h", "@every 90m", "@every 1h30m", "  0 3 * * *  ", "0 0 29 2 *", "0 0 31 * MON"] {
            XCTAssertNoThrow(try CronSchedule.parse(text), text)
        }
    }

    func testDayOfWeekSevenAndZeroAreTheSameSchedule() throws {
        XCTAssertEqual(try CronSchedule.parse("0 0 * * 7").rule, try CronSchedule.parse("0 0 * * 0").rule)
        XCTAssertEqual(try CronSchedule.parse("0 0 * * sun").rule, try CronSchedule.parse("0 0 * * SUN").rule)
    }

    func testMacrosExpandToTheirCronExpressions() throws {
        XCTAssertEqual(try CronSchedule.parse("@daily").rule, try CronSchedule.parse("0 0 * * *").rule)
        XCTAssertEqual(try CronSchedule.parse("@weekly").rule, try CronSchedule.parse("0 0 * * 0").rule)
        XCTAssertEqual(try CronSchedule.parse("@yearly").rule, try CronSchedule.parse("0 0 1 1 *").rule)
    }

    func testEveryExposesItsIntervalAndCalendarSchedulesDoNot() throws {
        XCTAssertEqual(try CronSchedule.parse("@every 1h30m").interval, .seconds(5400))
        XCTAssertNil(try CronSchedule.parse("@hourly").interval)
        XCTAssertEqual(try CronSchedule.parse("@hourly").description, "@hourly")
    }
}
