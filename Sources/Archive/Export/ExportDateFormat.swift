import Foundation

/// The timestamp texts exports use.
struct ExportDateFormat {
    private let formatter: DateFormatter

    /// ISO 8601 in UTC with a `Z` (`2024-05-01T12:00:00Z`): JSONL and CSV.
    static func utc() -> ExportDateFormat {
        ExportDateFormat(pattern: "yyyy-MM-dd'T'HH:mm:ss'Z'", timeZone: TimeZone(identifier: "UTC") ?? .current)
    }

    /// ISO 8601 local time without offset (`2024-05-01T14:00:00`), as Telegram Desktop writes it.
    static func local(_ timeZone: TimeZone) -> ExportDateFormat {
        ExportDateFormat(pattern: "yyyy-MM-dd'T'HH:mm:ss", timeZone: timeZone)
    }

    /// Dates written with a `DateFormatter` `pattern` (POSIX locale, Gregorian calendar) in `timeZone`.
    init(pattern: String, timeZone: TimeZone) {
        formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
    }

    func string(_ date: Date) -> String {
        formatter.string(from: date)
    }

    func string(unixTime: Int64) -> String {
        string(Date(timeIntervalSince1970: TimeInterval(unixTime)))
    }
}
