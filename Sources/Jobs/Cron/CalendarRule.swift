import Timekeeping

/// The five fields of a cron expression, and which local minutes they match.
struct CalendarRule: Hashable, Sendable {
    var minutes: CronField
    var hours: CronField
    var daysOfMonth: CronField
    var months: CronField
    var daysOfWeek: CronField

    /// Whether the date is one the rule fires on.
    ///
    /// Vixie cron's rule: when both day fields are restricted, a day matches if either matches; when
    /// one is a lone `*`, only the other one counts.
    func matchesDay(year: Int, month: Int, day: Int) -> Bool {
        let byMonthDay = daysOfMonth.contains(day)
        let byWeekday = daysOfWeek.contains(CivilDate.weekday(year: year, month: month, day: day))
        switch (daysOfMonth.isWildcard, daysOfWeek.isWildcard) {
        case (false, false): return byMonthDay || byWeekday
        case (true, _): return byWeekday
        case (false, true): return byMonthDay
        }
    }

    /// Walks the local minutes the rule matches, from `start` on and at most `years` calendar years
    /// ahead, and returns the first non-nil `transform` of one; a nil transform rejects that minute
    /// (an instant already past, say) and the walk goes on.
    func firstMatch<Result>(from start: LocalMinute, years: Int, _ transform: (LocalMinute) -> Result?) -> Result? {
        for year in start.year...(start.year + years) {
            let firstMonth = year == start.year ? start.month : 1
            for month in firstMonth...12 where months.contains(month) {
                let startsHere = year == start.year && month == start.month
                let lastDay = CivilDate.daysInMonth(year: year, month: month)
                for day in (startsHere ? start.day : 1)...lastDay {
                    guard matchesDay(year: year, month: month, day: day) else { continue }
                    let startDay = startsHere && day == start.day
                    for hour in (startDay ? start.hour : 0)...23 where hours.contains(hour) {
                        let startHour = startDay && hour == start.hour
                        for minute in (startHour ? start.minute : 0)...59 where minutes.contains(minute) {
                            let local = LocalMinute(year: year, month: month, day: day, hour: hour, minute: minute)
                            if let result = transform(local) { return result }
                        }
                    }
                }
            }
        }
        return nil
    }

    /// When the rule can never fire: the smallest listed day is later than the last day of every
    /// listed month, and day-of-week is `*` so it cannot fire on weekdays instead.
    var impossibleDay: (day: Int, months: [Int])? {
        guard daysOfWeek.isWildcard, let smallest = daysOfMonth.values.first else { return nil }
        let listed = months.values
        // February counts with 29 days: a leap day fires every four years.
        let longest = listed.map { CivilDate.daysInMonth(year: 2000, month: $0) }.max() ?? 31
        return smallest > longest ? (smallest, listed) : nil
    }
}
