import Foundation

/// A calendar day in the configured time zone: the unit warm-up budgets are counted in.
struct LocalDay: Codable, Hashable, Comparable, Sendable {
    /// Gregorian year.
    let year: Int
    /// Month, 1...12.
    let month: Int
    /// Day of the month, 1...31.
    let day: Int

    /// Whole days from `earlier` to this day in the Gregorian calendar (both are calendar days, so the
    /// count needs no time zone: it is done in UTC).
    func days(since earlier: LocalDay) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        guard let start = calendar.date(from: earlier.components), let end = calendar.date(from: components) else { return 0 }
        return calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }

    private var components: DateComponents { DateComponents(year: year, month: month, day: day) }

    static func < (lhs: LocalDay, rhs: LocalDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
