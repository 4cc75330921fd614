import Foundation
import XCTest
@testable import Archive

/// The UTC timestamps of JSONL and CSV exports are computed without a `DateFormatter`: they must equal what
/// one writes, second for second, across leap days, centuries and times before 1970.
final class ExportDateFormatTests: XCTestCase {
    func testUTCTextEqualsAFormattersOverFourHundredYears() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        var generator = SystemRandomNumberGenerator()
        // 1800-01-01 to 2200-01-01, plus the edges that catch off-by-one days.
        var samples: [Double] = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, -2_208_988_800,
                                 1_709_164_800.5, 1_767_225_599.999]
        for _ in 0..<20_000 { samples.append(Double(Int64.random(in: -5_364_662_400...7_258_118_400, using: &generator)) + 0.25) }
        let format = ExportDateFormat.utc()
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            XCTAssertEqual(format.string(date), formatter.string(from: date), "at \(seconds)")
        }
    }
}
