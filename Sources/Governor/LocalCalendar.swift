import Foundation

/// Local days of one time zone: which day an instant falls on, and when the next one starts.
struct LocalCalendar: Sendable {
    private let calendar: Calendar

    /// Days as they run in `timeZone`.
    init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The local day `instant` falls on.
    func day(containing instant: Date) -> LocalDay {
        LocalDay(
            year: calendar.component(.year, from: instant),
            month: calendar.component(.month, from: instant),
            day: calendar.component(.day, from: instant))
    }

    /// The first instant of the local day after the one `instant` falls on.
    ///
    /// Local days last 23 to 25 hours, so 36 hours after today's start always lies in tomorrow, whose
    /// start is then found without assuming midnight exists (some zones skip it on DST days).
    func startOfNextDay(after instant: Date) -> Date {
        let today = calendar.startOfDay(for: instant)
        return calendar.startOfDay(for: today.addingTimeInterval(36 * 3600))
    }
}
