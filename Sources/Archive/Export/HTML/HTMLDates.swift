import Foundation

/// The date texts of the HTML pages, in local time like Telegram Desktop's: `14:05` beside a message,
/// `01.05.2024 14:05:00 UTC+02:00` in its title, `1 May 2024` for the separator of each day.
struct HTMLDates {
    private let time: ExportDateFormat
    private let full: ExportDateFormat
    private let day: ExportDateFormat

    /// Dates in `timeZone`.
    init(timeZone: TimeZone) {
        time = ExportDateFormat(pattern: "HH:mm", timeZone: timeZone)
        full = ExportDateFormat(pattern: "dd.MM.yyyy HH:mm:ss 'UTC'xxx", timeZone: timeZone)
        day = ExportDateFormat(pattern: "d MMMM yyyy", timeZone: timeZone)
    }

    func time(_ unix: Int64) -> String { time.string(unixTime: unix) }
    func full(_ unix: Int64) -> String { full.string(unixTime: unix) }
    func day(_ unix: Int64) -> String { day.string(unixTime: unix) }
}
