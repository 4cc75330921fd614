import Foundation
import Timekeeping

/// The timestamp texts exports use.
struct ExportDateFormat {
    /// The formatter, or nil for UTC, which is computed directly (a `DateFormatter` cost 6% of a JSONL export).
    private let formatter: DateFormatter?

    /// ISO 8601 in UTC with a `Z` (`2024-05-01T12:00:00Z`): JSONL and CSV.
    static func utc() -> ExportDateFormat {
        ExportDateFormat()
    }

    private init() {
        formatter = nil
    }

    /// ISO 8601 local time without offset (`2024-05-01T14:00:00`), as Telegram Desktop writes it.
    static func local(_ timeZone: TimeZone) -> ExportDateFormat {
        ExportDateFormat(pattern: "yyyy-MM-dd'T'HH:mm:ss", timeZone: timeZone)
    }

    /// Dates written with a `DateFormatter` `pattern` (POSIX locale, Gregorian calendar) in `timeZone`.
    init(pattern: String, timeZone: TimeZone) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        self.formatter = formatter
    }

    func string(_ date: Date) -> String {
        formatter?.string(from: date) ?? Self.utcText(seconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` for `seconds` since 1970 in the proleptic Gregorian calendar (years 0 to 9999).
    static func utcText(seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let date = CivilDate.date(daysSinceEpoch: Int(days))
        let (year, month, day) = (Int64(date.year), Int64(date.month), Int64(date.day))
        var text: [UInt8] = []
        text.reserveCapacity(20)
        func digits(_ value: Int64, _ count: Int) {
            var divisor: Int64 = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = max(value, 0)
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8((rest / divisor) % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4); text.append(UInt8(ascii: "-")); digits(month, 2); text.append(UInt8(ascii: "-")); digits(day, 2)
        text.append(UInt8(ascii: "T"))
        digits(time / 3_600, 2); text.append(UInt8(ascii: ":")); digits(time / 60 % 60, 2); text.append(UInt8(ascii: ":"))
        digits(time % 60, 2)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    func string(unixTime: Int64) -> String {
        string(Date(timeIntervalSince1970: TimeInterval(unixTime)))
    }
}
