import Foundation
import XCTest

/// Dates and zones written the way the tests read best: RFC 3339 with an explicit offset.
enum TestDates {
    /// `2025-03-30T02:30:00+02:00` (fractional seconds allowed) as a Date; fails the test if malformed.
    static func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Date {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = ISO8601DateFormatter().date(from: text) ?? withFraction.date(from: text) {
            return date
        }
        XCTFail("bad test date \(text)", file: file, line: line)
        return Date(timeIntervalSince1970: 0)
    }

    /// A time zone that must exist; fails the test otherwise.
    static func zone(_ identifier: String, file: StaticString = #filePath, line: UInt = #line) -> TimeZone {
        if let zone = TimeZone(identifier: identifier) { return zone }
        XCTFail("unknown zone \(identifier)", file: file, line: line)
        return TimeZone(secondsFromGMT: 0) ?? .current
    }
}
