import Foundation

extension RunWindow {
    /// When a run that is inside the window at `date` must stop: the window's next closing, in `timeZone`.
    /// Nil if `date` is outside the window.
    public func closing(after date: Date, in timeZone: TimeZone) -> Date? {
        guard contains(date, in: timeZone) else { return nil }
        let today = LocalMinute(date, in: timeZone)
        let day = CivilDate.daysSinceEpoch(year: today.year, month: today.month, day: today.day)
        for offset in 0...2 {
            let civil = CivilDate.date(daysSinceEpoch: day + offset)
            let closing = timeZone.instant(for: LocalMinute(year: civil.year, month: civil.month, day: civil.day,
                                                            hour: end / 60, minute: end % 60))
            if closing > date { return closing }
        }
        return nil
    }
}
