import Foundation

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

    /// `yyyy-MM-ddTHH:mm:ssZ` for `seconds` since 1970 in the proleptic Gregorian calendar (years 0 to 9999):
    /// the day count turned into a civil date by 400-year eras (146,097 days each), March-based years putting
    /// the leap day last.
    static func utcText(seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let shifted = days + 719_468  // days from 0000-03-01 to 1970-01-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
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
