import Foundation
import XCTest
@testable import Jobs

/// Durations, window bounds, run windows and server addresses as job and settings files write them.
final class ValueSyntaxTests: XCTestCase {
    func testDurationsInEveryUnitAndCombination() throws {
        let expectations: [(String, Duration)] = [
            ("45m", .seconds(2700)), ("1.5s", .milliseconds(1500)), ("250ms", .milliseconds(250)),
            ("6h", .seconds(21_600)), ("90d", .seconds(7_776_000)), ("2w", .seconds(1_209_600)),
            ("1h30m", .seconds(5400)), ("0s", .zero), (" 12h ", .seconds(43_200)),
        ]
        for (text, expected) in expectations {
            XCTAssertEqual(try DurationParser.parse(text), expected, text)
        }
    }

    func testDurationErrorsNameTheProblem() {
        let expectations: [(String, DurationError)] = [
            ("", .empty), ("45", .missingUnit("45")), ("1.5", .missingUnit("1.5")),
            ("5mins", .unknownUnit("mins", in: "5mins")), ("3M", .unknownUnit("M", in: "3M")),
            ("-5m", .negative("-5m")), ("m", .malformed("m")), ("1h 30m", .malformed("1h 30m")),
            ("1.s", .malformed("1.s")), ("99999999999999999999w", .malformed("99999999999999999999w")),
        ]
        for (text, expected) in expectations {
            XCTAssertThrowsError(try DurationParser.parse(text), text) { error in
                XCTAssertEqual(error as? DurationError, expected, text)
            }
        }
    }

    func testWindowBoundsReadDatesTimesAndDurations() throws {
        let berlin = TestDates.zone("Europe/Berlin")
        let now = TestDates.date("2025-05-10T12:00:00Z")
        XCTAssertEqual(try WindowBound(parsing: "2024-01-31"), .date(year: 2024, month: 1, day: 31))
        XCTAssertEqual(try WindowBound(parsing: "2024-01-31").resolve(now: now, in: berlin),
                       TestDates.date("2024-01-31T00:00:00+01:00"))
        XCTAssertEqual(try WindowBound(parsing: "2024-01-31T18:00:00+01:00"),
                       .instant(TestDates.date("2024-01-31T17:00:00Z")))
        XCTAssertEqual(try WindowBound(parsing: "2024-01-31t17:00:00.250Z"),
                       .instant(TestDates.date("2024-01-31T17:00:00.250Z")))
        XCTAssertEqual(try WindowBound(parsing: "90d"), .ago(.seconds(90 * 86_400)))
        XCTAssertEqual(try WindowBound(parsing: "12h").resolve(now: now, in: berlin), TestDates.date("2025-05-10T00:00:00Z"))
    }

    func testWindowBoundErrors() {
        let expectations: [(String, WindowBoundError)] = [
            ("2023-02-29", .invalidDate("2023-02-29")), ("2024-13-01", .invalidDate("2024-13-01")),
            ("2024-01-31T25:00:00Z", .invalidTime("2024-01-31T25:00:00Z")),
            ("2024-01-31T10:00:00", .missingOffset("2024-01-31T10:00:00")),
            ("90days", .duration(.unknownUnit("days", in: "90days"))),
            ("yesterday", .unrecognized("yesterday")), ("2024/01/31", .unrecognized("2024/01/31")),
        ]
        for (text, expected) in expectations {
            XCTAssertThrowsError(try WindowBound(parsing: text), text) { error in
                XCTAssertEqual(error as? WindowBoundError, expected, text)
            }
        }
    }

    func testRunWindowsContainTheirStartButNotTheirEndAndMayWrapMidnight() throws {
        let berlin = TestDates.zone("Europe/Berlin")
        let night = try RunWindow(parsing: "01:00-05:00")
        XCTAssertTrue(night.contains(TestDates.date("2025-05-10T01:00:00+02:00"), in: berlin))
        XCTAssertTrue(night.contains(TestDates.date("2025-05-10T04:59:00+02:00"), in: berlin))
        XCTAssertFalse(night.contains(TestDates.date("2025-05-10T05:00:00+02:00"), in: berlin))
        XCTAssertFalse(night.contains(TestDates.date("2025-05-10T00:59:00+02:00"), in: berlin))
        let wrapping = try RunWindow(parsing: "22:00-4:00")
        XCTAssertTrue(wrapping.contains(TestDates.date("2025-05-10T23:30:00+02:00"), in: berlin))
        XCTAssertTrue(wrapping.contains(TestDates.date("2025-05-11T03:59:00+02:00"), in: berlin))
        XCTAssertFalse(wrapping.contains(TestDates.date("2025-05-11T12:00:00+02:00"), in: berlin))
        XCTAssertEqual(wrapping.description, "22:00-04:00")
    }

    func testRunWindowOpeningIsNowWhenOpenElseTheNextStart() throws {
        let berlin = TestDates.zone("Europe/Berlin")
        let night = try RunWindow(parsing: "01:00-05:00")
        let inside = TestDates.date("2025-05-10T02:00:00+02:00")
        XCTAssertEqual(night.nextOpening(after: inside, in: berlin), inside)
        XCTAssertEqual(night.nextOpening(after: TestDates.date("2025-05-10T00:30:00+02:00"), in: berlin),
                       TestDates.date("2025-05-10T01:00:00+02:00"))
        XCTAssertEqual(night.nextOpening(after: TestDates.date("2025-05-10T12:00:00+02:00"), in: berlin),
                       TestDates.date("2025-05-11T01:00:00+02:00"))
        let skipped = try RunWindow(parsing: "02:30-04:00")
        XCTAssertEqual(skipped.nextOpening(after: TestDates.date("2025-03-30T00:00:00+01:00"), in: berlin),
                       TestDates.date("2025-03-30T03:00:00+02:00"), "a start skipped by spring-forward opens after the jump")
    }

    func testRunWindowErrors() {
        let expectations: [(String, RunWindowError)] = [
            ("01:00-01:00", .empty("01:00-01:00")), ("25:00-03:00", .invalidTime("25:00")),
            ("01:00", .malformed("01:00")), ("1am-5am", .malformed("1am-5am")),
        ]
        for (text, expected) in expectations {
            XCTAssertThrowsError(try RunWindow(parsing: text), text) { error in
                XCTAssertEqual(error as? RunWindowError, expected, text)
            }
        }
    }

    func testServerAddresses() {
        XCTAssertEqual(ServerAddress(parsing: "127.0.0.1:4430"), ServerAddress(host: "127.0.0.1", port: 4430))
        XCTAssertEqual(ServerAddress(parsing: "[::1]:443"), ServerAddress(host: "::1", port: 443))
        XCTAssertEqual(ServerAddress(parsing: "[::1]:443")?.description, "[::1]:443")
        for bad in ["localhost", "localhost:0", "localhost:70000", ":443", "::1:443", "host:12a"] {
            XCTAssertNil(ServerAddress(parsing: bad), bad)
        }
    }

    func testSuggestionsAllowSmallTyposOnly() {
        XCTAssertEqual(Suggestion.closest(to: "shedule", among: JobDecoder.keys), "schedule")
        XCTAssertEqual(Suggestion.closest(to: "chanel", among: JobDecoder.keys), "channel")
        XCTAssertEqual(Suggestion.closest(to: "Timezone", among: JobDecoder.keys), "timezone")
        XCTAssertEqual(Suggestion.closest(to: "jtiter", among: JobDecoder.keys), "jitter")
        XCTAssertNil(Suggestion.closest(to: "color", among: JobDecoder.keys))
    }
}
